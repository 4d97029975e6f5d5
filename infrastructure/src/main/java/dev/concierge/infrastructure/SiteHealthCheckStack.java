package dev.concierge.infrastructure;

import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.route53.HealthCheck;
import software.amazon.awscdk.services.route53.HealthCheckType;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Route 53 calls {@code /health} on the name users type, from several AWS regions, through DNS, TLS, the listener and
 * WAF: what the target group's own check cannot see. Route 53 publishes health-check metrics only in us-east-1, so
 * this stack (and its alarm) lives there; CloudWatch alarms notify topics of their own region only, so the alarm's
 * state changes travel to the home region's default event bus, where {@link #notifyCritical} sends them to the
 * critical topic. Only for internet-facing load balancers: health checkers cannot reach an internal one.
 */
public final class SiteHealthCheckStack extends Stack {
    /** The only region Route 53 publishes health-check metrics in. */
    public static final String METRICS_REGION = "us-east-1";
    static final String STATE_CHANGE = "CloudWatch Alarm State Change";

    private final HealthCheck healthCheck;
    private final Alarm alarm;

    public SiteHealthCheckStack(Construct scope, String id, StackProps stack, DeploymentProfile profile, String domainName,
                                boolean https, String homeRegion) {
        super(scope, id, stack);
        healthCheck = HealthCheck.Builder.create(this, "Site")
                .type(https ? HealthCheckType.HTTPS : HealthCheckType.HTTP)
                .fqdn(domainName)
                .port(https ? 443 : 80)
                .resourcePath(EdgeStack.HEALTH_PATH)
                .enableSni(https ? Boolean.TRUE : null)
                .requestInterval(Duration.seconds(30))
                .failureThreshold(3)
                .build();
        Metric status = Metric.Builder.create().namespace("AWS/Route53").metricName("HealthCheckStatus")
                .dimensionsMap(Map.of("HealthCheckId", healthCheck.getHealthCheckId()))
                .statistic("Minimum").period(Duration.minutes(1)).region(METRICS_REGION).build();
        alarm = Alarm.Builder.create(this, "SiteUnreachable")
                .alarmName(alarmName(profile))
                .alarmDescription("Route 53 health checkers cannot get " + (https ? "https://" : "http://") + domainName
                        + EdgeStack.HEALTH_PATH + " for 3 minutes: the site is down or unreachable by its name (DNS, certificate, listener, WAF)")
                .metric(status)
                .threshold(1)
                .evaluationPeriods(3)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                // Route 53 reports every minute while the check exists: silence is a fault too.
                .treatMissingData(TreatMissingData.BREACHING)
                .build();
        String homeBus = Arn.format(ArnComponents.builder().service("events").region(homeRegion)
                .resource("event-bus").resourceName("default").build(), this);
        Rule.Builder.create(this, "ToHomeRegion")
                .description("Concierge " + profile.name() + ": the site health alarm's state changes, to " + homeRegion)
                .eventPattern(stateChangesOf(alarmName(profile)))
                .targets(List.of(new software.amazon.awscdk.services.events.targets.EventBus(
                        EventBus.fromEventBusArn(this, "HomeRegionBus", homeBus))))
                .build();
    }

    /** The alarm's name, known before deployment, so the home region can match its events without a cross-region reference. */
    static String alarmName(DeploymentProfile profile) {
        return "concierge-" + profile.name() + "-site-unreachable";
    }

    /**
     * In the home region (the observability stack): the forwarded state changes go to the critical topic, readable;
     * stopped while off-hours scale the services to zero, as the home region's "site down" alarm is paused then.
     */
    static Rule notifyCritical(Construct observability, DeploymentProfile profile, Topic critical, Optional<OffHours> offHours) {
        Construct scope = new Construct(observability, "SiteHealth");
        Rule rule = Rule.Builder.create(scope, "SiteUnreachable")
                .description("Concierge " + profile.name() + ": the Route 53 site health alarm (" + METRICS_REGION + ") to the critical topic")
                .eventPattern(stateChangesOf(alarmName(profile)))
                .targets(List.of(SnsTopic.Builder.create(critical).message(RuleTargetInput.fromText(
                        "Concierge " + profile.name() + ": alarm " + EventField.fromPath("$.detail.alarmName") + " is "
                                + EventField.fromPath("$.detail.state.value") + " — " + EventField.fromPath("$.detail.state.reason")))
                        .build()))
                .build();
        offHours.ifPresent(hours -> hours.pauseRule(scope, rule));
        return rule;
    }

    private static EventPattern stateChangesOf(String alarmName) {
        return EventPattern.builder()
                .source(List.of("aws.cloudwatch"))
                .detailType(List.of(STATE_CHANGE))
                .region(List.of(METRICS_REGION))
                .detail(Map.of("alarmName", List.of(alarmName)))
                .build();
    }

    public HealthCheck healthCheck() { return healthCheck; }

    public Alarm alarm() { return alarm; }
}
