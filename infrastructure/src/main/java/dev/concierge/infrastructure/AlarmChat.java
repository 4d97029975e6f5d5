package dev.concierge.infrastructure;

import software.amazon.awscdk.services.chatbot.SlackChannelConfiguration;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.UrlSubscription;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sns.subscriptions.UrlSubscriptionProps;
import software.constructs.Construct;

import java.util.List;
import java.util.Optional;

/**
 * Alarm topics to a chat: an HTTPS webhook subscribed to both topics (context {@code alarmWebhookUrl}; it must confirm
 * SNS's subscription, so a Discord or Teams webhook sits behind a small relay), and/or AWS Chatbot into a Slack
 * channel (context {@code alarmSlackWorkspaceId} and {@code alarmSlackChannelId}; the workspace is authorised once in
 * the Chatbot console).
 */
public final class AlarmChat extends Construct {
    public record Destinations(Optional<String> webhookUrl, Optional<String> slackWorkspaceId, Optional<String> slackChannelId) {
        public Destinations {
            if (slackWorkspaceId.isPresent() != slackChannelId.isPresent()) {
                throw new IllegalArgumentException("alarmSlackWorkspaceId and alarmSlackChannelId go together");
            }
            webhookUrl.filter(url -> !url.startsWith("https://")).ifPresent(url -> {
                throw new IllegalArgumentException("alarmWebhookUrl must be an https:// URL, got '" + url + "'");
            });
        }

        public static Destinations none() { return new Destinations(Optional.empty(), Optional.empty(), Optional.empty()); }
    }

    public AlarmChat(Construct scope, String id, Destinations destinations, List<Topic> topics) {
        super(scope, id);
        destinations.webhookUrl().ifPresent(url -> topics.forEach(topic -> topic.addSubscription(new UrlSubscription(url,
                UrlSubscriptionProps.builder().protocol(SubscriptionProtocol.HTTPS).rawMessageDelivery(false).build()))));
        if (destinations.slackWorkspaceId().isPresent()) {
            SlackChannelConfiguration.Builder.create(this, "Slack")
                    .slackChannelConfigurationName(software.amazon.awscdk.Names.uniqueResourceName(this,
                            software.amazon.awscdk.UniqueResourceNameOptions.builder().maxLength(128).build()))
                    .slackWorkspaceId(destinations.slackWorkspaceId().get())
                    .slackChannelId(destinations.slackChannelId().get())
                    .notificationTopics(List.copyOf(topics))
                    .build();
        }
    }
}
