package dev.concierge.infrastructure;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Alarms on the work behind the web tier: the generation queue's oldest job (the EMF metric the app prints,
 * {@code Concierge/<env>} {@value ObservabilityStack#QUEUE_AGE_METRIC}), GPU instances that fail to launch (no capacity
 * of any instance type in the zone: an EventBridge rule on the Auto Scaling groups of this environment's compute
 * stack, sent to the critical topic and counted for an alarm), and ERROR lines of the app (the log pipeline's metric
 * filter).
 */
public final class WorkloadAlarms extends Construct {
    public static final String LAUNCH_FAILURE = "EC2 Instance Launch Unsuccessful";

    public WorkloadAlarms(Construct scope, String id, DeploymentProfile profile, Topic critical, Topic warning, List<Alarm> alarms) {
        super(scope, id);
        String namespace = "Concierge/" + profile.name();

        // Every instance prints the same queue-wide value (CONTRACT-19), so Maximum is the queue's age.
        Metric queueAge = Metric.Builder.create().namespace(namespace).metricName(ObservabilityStack.QUEUE_AGE_METRIC)
                .statistic("Maximum").period(Duration.minutes(1)).build();
        ObservabilityStack.alarm(this, alarms, "GenerationQueueOld", warning, queueAge, ObservabilityStack.QUEUE_AGE_SECONDS, 5,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                "The oldest queued generation job has waited more than 15 minutes for 5 minutes: no worker takes jobs "
                        + "(GPU capacity, model server, worker tier scaled to zero by a schedule?)");

        Rule launchFailures = Rule.Builder.create(this, "GpuLaunchFailures")
                .description("GPU instances of Concierge " + profile.name() + " that could not be launched")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.autoscaling"))
                        .detailType(List.of(LAUNCH_FAILURE))
                        .detail(Map.of("AutoScalingGroupName", List.of(Map.of("prefix", "Concierge-" + profile.name() + "-Compute-"))))
                        .build())
                .targets(List.of(new SnsTopic(critical)))
                .build();
        Metric matched = Metric.Builder.create().namespace("AWS/Events").metricName("TriggeredRules")
                .dimensionsMap(Map.of("RuleName", launchFailures.getRuleName()))
                .statistic("Sum").period(Duration.minutes(5)).build();
        ObservabilityStack.alarm(this, alarms, "GpuLaunchFailed", critical, matched, 1, 1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                "A GPU instance could not be launched in the last 5 minutes (insufficient capacity of every instance type "
                        + "or a quota): generation and chat wait for the model");

        Metric errorLines = Metric.Builder.create().namespace(namespace).metricName(LogsStack.ERROR_METRIC)
                .statistic("Sum").period(Duration.minutes(5)).build();
        ObservabilityStack.alarm(this, alarms, "AppErrors", warning, errorLines, 1, 1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                "The app wrote ERROR lines in the last 5 minutes: see /concierge/" + profile.name() + "/app-errors");
    }
}
