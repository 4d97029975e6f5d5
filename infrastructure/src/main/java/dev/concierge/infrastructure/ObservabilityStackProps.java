package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.rds.DatabaseCluster;

import java.util.Objects;
import java.util.Optional;

/**
 * What the alarms watch (the service, the load balancer and its target group, the database) and who hears them.
 *
 * @param alarmEmail an address subscribed to both topics; without one, subscribe later (e.g. a chat integration)
 * @param offHours   when the services are scaled to zero on purpose: the "site down" alarm is paused then
 * @param generationService the GPU generation tier's service (tiered layout), watched like the load-balanced one
 */
public record ObservabilityStackProps(
        StackProps stack,
        DeploymentProfile profile,
        BaseService service,
        ApplicationLoadBalancer loadBalancer,
        ApplicationTargetGroup targetGroup,
        DatabaseCluster database,
        Optional<String> alarmEmail,
        AlarmChat.Destinations chat,
        Optional<OffHours> offHours,
        Optional<? extends BaseService> generationService) {

    public ObservabilityStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(targetGroup, "targetGroup");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(alarmEmail, "alarmEmail");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(offHours, "offHours");
        Objects.requireNonNull(generationService, "generationService");
    }
}
