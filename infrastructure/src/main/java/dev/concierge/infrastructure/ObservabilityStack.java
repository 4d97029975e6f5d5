package dev.concierge.infrastructure;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alarms on what hurts users first (tasks' CPU and memory, the share of 5xx answers, the database's CPU, local
 * storage and connections), sent to two SNS topics — critical (act now) and warning (look today) — and one
 * dashboard. Log groups live with what writes them (compute, data, network, edge), each with the environment's
 * retention.
 */
public final class ObservabilityStack extends Stack {
    // Seed 001's alarm table: ECS CPU > 80 % and memory > 85 % for 5 minutes, database CPU > 70 % for 10 minutes,
    // free storage < 5 GB, ALB 5xx > 5 % for 5 minutes (each evaluated minute by minute).
    public static final double TASK_CPU_PERCENT = 80;
    public static final int TASK_MINUTES = 5;
    public static final double TASK_MEMORY_PERCENT = 85;
    public static final double SERVER_ERROR_PERCENT = 5;
    public static final int SERVER_ERROR_MINUTES = 5;
    public static final double DATABASE_CPU_PERCENT = 70;
    public static final int DATABASE_CPU_MINUTES = 10;
    public static final double DATABASE_FREE_LOCAL_STORAGE_BYTES = 5L * 1024 * 1024 * 1024;
    /** A queued generation job older than this (15 minutes) means no worker is taking jobs (GPU capacity, model). */
    public static final double QUEUE_AGE_SECONDS = 900;
    public static final String QUEUE_AGE_METRIC = "GenerationQueueOldestAgeSeconds";

    private final Topic critical;
    private final Topic warning;
    private final List<Alarm> alarms = new ArrayList<>();

    public ObservabilityStack(Construct scope, String id, ObservabilityStackProps props) {
        super(scope, id, props.stack());
        DeploymentProfile profile = props.profile();

        // SNS needs a customer key that CloudWatch may use: the AWS-managed SNS key refuses alarm notifications.
        Key topicKey = Key.Builder.create(this, "AlarmTopicsKey")
                .description("Concierge " + profile.name() + ": alarm topics")
                .enableKeyRotation(true)
                .removalPolicy(profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        topicKey.addToResourcePolicy(PolicyStatement.Builder.create()
                // CloudWatch alarms and the EventBridge rule on GPU launch failures publish to the topics
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com"), new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .build());
        critical = topic("Critical", "concierge-" + profile.name() + "-critical", topicKey);
        warning = topic("Warning", "concierge-" + profile.name() + "-warning", topicKey);
        props.alarmEmail().ifPresent(email -> {
            critical.addSubscription(new EmailSubscription(email));
            warning.addSubscription(new EmailSubscription(email));
        });

        MetricOptions fiveMinutes = MetricOptions.builder().period(Duration.minutes(5)).build();
        MetricOptions oneMinute = MetricOptions.builder().period(Duration.minutes(1)).build();
        IMetric taskCpu = props.service().metricCpuUtilization(oneMinute);
        IMetric taskMemory = props.service().metricMemoryUtilization(oneMinute);
        IMetric serverErrorRate = MathExpression.Builder.create()
                .expression("IF(requests > 0, 100 * (FILL(elb5xx, 0) + FILL(target5xx, 0)) / requests, 0)")
                .usingMetrics(Map.of(
                        "requests", props.loadBalancer().getMetrics().requestCount(MetricOptions.builder().period(Duration.minutes(1)).build()),
                        "elb5xx", props.loadBalancer().getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT,
                                MetricOptions.builder().period(Duration.minutes(1)).build()),
                        "target5xx", props.loadBalancer().getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT,
                                MetricOptions.builder().period(Duration.minutes(1)).build())))
                .label("5xx answers (%)")
                .period(Duration.minutes(1))
                .build();
        IMetric healthyTasks = props.targetGroup().getMetrics().healthyHostCount(MetricOptions.builder()
                .period(Duration.minutes(1)).statistic("Minimum").build());
        IMetric databaseCpu = props.database().metricCPUUtilization(oneMinute);
        IMetric databaseFreeLocalStorage = props.database().metricFreeLocalStorage(MetricOptions.builder()
                .period(Duration.minutes(5)).statistic("Minimum").build());
        IMetric databaseConnections = props.database().metricDatabaseConnections(MetricOptions.builder()
                .period(Duration.minutes(5)).statistic("Maximum").build());

        alarm("TaskCpuHigh", warning, taskCpu, TASK_CPU_PERCENT, TASK_MINUTES, ComparisonOperator.GREATER_THAN_THRESHOLD,
                "Concierge tasks use more than 80% CPU for 5 minutes (scaling may be at its maximum)");
        alarm("TaskMemoryHigh", critical, taskMemory, TASK_MEMORY_PERCENT, TASK_MINUTES, ComparisonOperator.GREATER_THAN_THRESHOLD,
                "Concierge tasks use more than 85% of their memory for 5 minutes: out-of-memory kills are near");
        props.generationService().ifPresent(generation -> {
            // The GPU tier's tasks (model server + workers): the same thresholds; no data while it is at zero.
            alarm("GenerationTaskCpuHigh", warning, generation.metricCpuUtilization(oneMinute), TASK_CPU_PERCENT, TASK_MINUTES,
                    ComparisonOperator.GREATER_THAN_THRESHOLD, "GPU generation tasks use more than 80% CPU for 5 minutes");
            alarm("GenerationTaskMemoryHigh", critical, generation.metricMemoryUtilization(oneMinute), TASK_MEMORY_PERCENT, TASK_MINUTES,
                    ComparisonOperator.GREATER_THAN_THRESHOLD, "GPU generation tasks use more than 85% of their memory for 5 minutes: out-of-memory kills are near");
        });
        alarm("ServerErrorRateHigh", critical, serverErrorRate, SERVER_ERROR_PERCENT, SERVER_ERROR_MINUTES, ComparisonOperator.GREATER_THAN_THRESHOLD,
                "More than 5% of answers through the load balancer are 5xx for 5 minutes");
        Alarm siteDown = alarm("NoHealthyTasks", critical, healthyTasks, 1, 3, ComparisonOperator.LESS_THAN_THRESHOLD,
                "No Concierge task passes the load balancer's health check: the site is down");
        props.offHours().ifPresent(offHours -> offHours.pauseActionsOf(this, List.of(siteDown)));
        alarm("DatabaseCpuHigh", warning, databaseCpu, DATABASE_CPU_PERCENT, DATABASE_CPU_MINUTES, ComparisonOperator.GREATER_THAN_THRESHOLD,
                "Aurora uses more than 70% CPU for 10 minutes");
        alarm("DatabaseFreeLocalStorageLow", critical, databaseFreeLocalStorage, DATABASE_FREE_LOCAL_STORAGE_BYTES, 2,
                ComparisonOperator.LESS_THAN_THRESHOLD,
                "An Aurora instance has less than 5 GB of local storage (temporary files, logs) left");
        alarm("DatabaseConnectionsHigh", warning, databaseConnections, profile.databaseConnectionsAlarm(), 2,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                "Aurora connections are near max_connections for the instance size");
        new WorkloadAlarms(this, "Workload", profile, critical, warning, alarms);
        new AlarmChat(this, "Chat", props.chat(), List.of(critical, warning));

        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName("concierge-" + profile.name())
                .widgets(List.of(
                        List.of(AlarmStatusWidget.Builder.create().title("Alarms").alarms(List.copyOf(alarms)).width(24).build()),
                        List.of(graph("Tasks: CPU and memory (%)", taskCpu, taskMemory),
                                graph("Load balancer: 5xx answers (%)", serverErrorRate),
                                graph("Healthy tasks", healthyTasks)),
                        List.of(graph("Aurora: CPU (%)", databaseCpu),
                                graph("Aurora: free local storage (bytes)", databaseFreeLocalStorage),
                                graph("Aurora: connections", databaseConnections))))
                .build();
    }

    private Topic topic(String id, String name, Key key) {
        return Topic.Builder.create(this, id).topicName(name).displayName(name).masterKey(key).enforceSsl(true).build();
    }

    static Alarm alarm(Construct scope, List<Alarm> alarms, String id, Topic topic, IMetric metric, double threshold, int periods,
                       ComparisonOperator comparison, String description) {
        return alarm(scope, alarms, id, topic, metric, threshold, periods, comparison, description, TreatMissingData.NOT_BREACHING);
    }

    private Alarm alarm(String id, Topic topic, IMetric metric, double threshold, int periods,
                        ComparisonOperator comparison, String description) {
        // No data means no traffic or no instance reporting, not a fault; "no healthy tasks" says so itself.
        return alarm(this, alarms, id, topic, metric, threshold, periods, comparison, description,
                id.equals("NoHealthyTasks") ? TreatMissingData.BREACHING : TreatMissingData.NOT_BREACHING);
    }

    private static Alarm alarm(Construct scope, List<Alarm> alarms, String id, Topic topic, IMetric metric, double threshold,
                               int periods, ComparisonOperator comparison, String description, TreatMissingData missing) {
        Alarm alarm = Alarm.Builder.create(scope, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(comparison)
                .treatMissingData(missing)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        alarms.add(alarm);
        return alarm;
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(8).build();
    }

    public Topic critical() { return critical; }

    public Topic warning() { return warning; }

    public List<Alarm> alarms() { return List.copyOf(alarms); }
}
