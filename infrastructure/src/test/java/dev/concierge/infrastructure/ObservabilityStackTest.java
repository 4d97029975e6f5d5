package dev.concierge.infrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.concierge.infrastructure.TemplateResources.json;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfAll;
import static dev.concierge.infrastructure.TemplateResources.propertiesOfOnly;
import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityStackTest {
    private static Template dev;
    private static Template prod;

    @BeforeAll static void synthesise() {
        dev = SynthesisedEnvironments.template(SynthesisedEnvironments.dev().observability());
        prod = SynthesisedEnvironments.template(SynthesisedEnvironments.prod().observability());
    }

    @Test void critical_and_warning_topics_are_encrypted_and_tls_only() {
        dev.resourceCountIs("AWS::SNS::Topic", 2);
        for (String name : List.of("concierge-dev-critical", "concierge-dev-warning")) {
            Map<String, Object> topic = propertiesOfAll(dev, "AWS::SNS::Topic").stream()
                    .filter(t -> name.equals(t.get("TopicName"))).findFirst().orElseThrow();
            assertThat(json(topic.get("KmsMasterKeyId"))).contains("AlarmTopicsKey");
        }
        assertThat(propertiesOfAll(dev, "AWS::SNS::TopicPolicy")).allSatisfy(policy ->
                assertThat(json(policy.get("PolicyDocument"))).contains("aws:SecureTransport"));
        assertThat(json(propertiesOfAll(dev, "AWS::KMS::Key").get(0).get("KeyPolicy"))).contains("cloudwatch.amazonaws.com");
        dev.resourceCountIs("AWS::SNS::Subscription", 0);
        prod.resourceCountIs("AWS::SNS::Subscription", 2);
    }

    @Test void alarms_watch_tasks_load_balancer_and_database_with_their_thresholds_and_topics() {
        Map<String, Map<String, Object>> alarms = alarmsByMetric(dev);
        assertThat(alarms).containsOnlyKeys("CPUUtilization/AWS/ECS", "MemoryUtilization/AWS/ECS",
                "CPUUtilization/AWS/ECS generation", "MemoryUtilization/AWS/ECS generation", "5xx rate",
                "HealthyHostCount/AWS/ApplicationELB", "CPUUtilization/AWS/RDS", "FreeLocalStorage/AWS/RDS",
                "DatabaseConnections/AWS/RDS", "GenerationQueueOldestAgeSeconds/Concierge/dev", "TriggeredRules/AWS/Events",
                "AppErrorLines/Concierge/dev");

        // seed 001's alarm table: threshold and minutes (one-minute periods)
        assertAlarm(alarms.get("CPUUtilization/AWS/ECS"), 80, "GreaterThanThreshold", "Warning");
        assertMinutes(alarms.get("CPUUtilization/AWS/ECS"), 5);
        assertAlarm(alarms.get("MemoryUtilization/AWS/ECS"), 85, "GreaterThanThreshold", "Critical");
        assertMinutes(alarms.get("MemoryUtilization/AWS/ECS"), 5);
        // the GPU generation tier's tasks, with the same thresholds
        assertAlarm(alarms.get("CPUUtilization/AWS/ECS generation"), 80, "GreaterThanThreshold", "Warning");
        assertMinutes(alarms.get("CPUUtilization/AWS/ECS generation"), 5);
        assertAlarm(alarms.get("MemoryUtilization/AWS/ECS generation"), 85, "GreaterThanThreshold", "Critical");
        assertMinutes(alarms.get("MemoryUtilization/AWS/ECS generation"), 5);
        assertAlarm(alarms.get("5xx rate"), 5, "GreaterThanThreshold", "Critical");
        assertThat(alarms.get("5xx rate")).containsEntry("EvaluationPeriods", 5);
        assertAlarm(alarms.get("HealthyHostCount/AWS/ApplicationELB"), 1, "LessThanThreshold", "Critical");
        assertAlarm(alarms.get("CPUUtilization/AWS/RDS"), 70, "GreaterThanThreshold", "Warning");
        assertMinutes(alarms.get("CPUUtilization/AWS/RDS"), 10);
        assertAlarm(alarms.get("FreeLocalStorage/AWS/RDS"), 5L * 1024 * 1024 * 1024, "LessThanThreshold", "Critical");
        // the queue metric the app prints as EMF (CONTRACT-19), GPU launch failures, ERROR lines
        Map<String, Object> queueAge = alarms.get("GenerationQueueOldestAgeSeconds/Concierge/dev");
        assertAlarm(queueAge, 900, "GreaterThanThreshold", "Warning");
        assertThat(queueAge).containsEntry("Statistic", "Maximum");
        assertThat(alarmsByMetric(prod)).containsKey("GenerationQueueOldestAgeSeconds/Concierge/prod");
        assertAlarm(alarms.get("TriggeredRules/AWS/Events"), 1, "GreaterThanOrEqualToThreshold", "Critical");
        assertAlarm(alarms.get("AppErrorLines/Concierge/dev"), 1, "GreaterThanOrEqualToThreshold", "Warning");
        assertAlarm(alarms.get("DatabaseConnections/AWS/RDS"), 360, "GreaterThanThreshold", "Warning");
        assertAlarm(alarmsByMetric(prod).get("DatabaseConnections/AWS/RDS"), 1400, "GreaterThanThreshold", "Warning");

        String errorRate = json(alarms.get("5xx rate").get("Metrics"));
        assertThat(errorRate).contains("HTTPCode_ELB_5XX_Count").contains("HTTPCode_Target_5XX_Count").contains("RequestCount");
        assertThat(json(alarms.get("CPUUtilization/AWS/ECS").get("Dimensions"))).contains("ServiceName").contains("ClusterName");
        assertThat(json(alarms.get("CPUUtilization/AWS/RDS").get("Dimensions"))).contains("DBClusterIdentifier");
    }

    @Test void one_dashboard_shows_the_alarms_and_their_metrics() {
        dev.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        String body = json(propertiesOfAll(dev, "AWS::CloudWatch::Dashboard").get(0));
        assertThat(body).contains("concierge-dev").contains("alarms").contains("HTTPCode_ELB_5XX_Count")
                .contains("FreeLocalStorage").contains("MemoryUtilization");
    }

    private static void assertMinutes(Map<String, Object> alarm, int minutes) {
        assertThat(alarm).containsEntry("Period", 60).containsEntry("EvaluationPeriods", minutes);
    }

    @Test void gpu_launch_failures_of_this_environment_reach_the_critical_topic() {
        Map<String, Object> rule = propertiesOfOnly(dev, "AWS::Events::Rule");
        String pattern = json(rule.get("EventPattern"));
        assertThat(pattern).contains("aws.autoscaling").contains("EC2 Instance Launch Unsuccessful").contains("Concierge-dev-Compute-");
        assertThat(json(rule.get("Targets"))).contains("Critical");
        assertThat(json(propertiesOfAll(dev, "AWS::KMS::Key").get(0).get("KeyPolicy"))).contains("events.amazonaws.com");
    }

    @Test void alarms_reach_a_chat_webhook_or_slack_when_the_deployer_names_one() {
        var stacks = SynthesisedEnvironments.devWith(Map.of(
                "alarmWebhookUrl", "https://hooks.example.com/sns",
                "alarmSlackWorkspaceId", "T0123", "alarmSlackChannelId", "C0456"));
        Template template = software.amazon.awscdk.assertions.Template.fromStack(stacks.observability());
        assertThat(propertiesOfAll(template, "AWS::SNS::Subscription")).hasSize(2).allSatisfy(subscription ->
                assertThat(subscription).containsEntry("Protocol", "https").containsEntry("Endpoint", "https://hooks.example.com/sns"));
        Map<String, Object> slack = propertiesOfOnly(template, "AWS::Chatbot::SlackChannelConfiguration");
        assertThat(slack).containsEntry("SlackWorkspaceId", "T0123").containsEntry("SlackChannelId", "C0456");
        assertThat(json(slack.get("SnsTopicArns"))).contains("Critical").contains("Warning");
    }

    private static void assertAlarm(Map<String, Object> alarm, double threshold, String comparison, String topic) {
        assertThat(((Number) alarm.get("Threshold")).doubleValue()).isEqualTo(threshold);
        assertThat(alarm).containsEntry("ComparisonOperator", comparison);
        assertThat(json(alarm.get("AlarmActions"))).contains(topic);
        assertThat(json(alarm.get("OKActions"))).contains(topic);
    }

    /** Alarms keyed by "metric/namespace", the metric-math one as "5xx rate". */
    private static Map<String, Map<String, Object>> alarmsByMetric(Template template) {
        return propertiesOfAll(template, "AWS::CloudWatch::Alarm").stream().collect(Collectors.toMap(
                alarm -> alarm.get("MetricName") == null ? "5xx rate" : alarm.get("MetricName") + "/" + alarm.get("Namespace")
                        + (json(alarm.get("Dimensions")).contains("GenerationService") ? " generation" : ""),
                Function.identity()));
    }
}
