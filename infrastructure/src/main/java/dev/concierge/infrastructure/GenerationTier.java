package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentTier;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.MetricAggregationType;
import software.amazon.awscdk.services.applicationautoscaling.ScalableTarget;
import software.amazon.awscdk.services.applicationautoscaling.ServiceNamespace;
import software.amazon.awscdk.services.applicationautoscaling.StepScalingAction;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.ApplicationScalingAction;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.Ec2Service;
import software.amazon.awscdk.services.ecs.Ec2TaskDefinition;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.ServiceConnectProps;
import software.amazon.awscdk.services.ecs.ServiceConnectService;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The generation tier of the tiered layout: GPU tasks, each the model server and an app container with
 * {@code ROLE=worker} beside it on localhost. The model server is published in the cluster's Service Connect namespace
 * as {@value ModelServer#SERVICE_CONNECT_NAME} for the web tier's chat and drafts. The task count follows the job
 * queue the app publishes ({@code Concierge/<env>}, statistic Maximum): a worker is added while jobs wait or the oldest
 * has waited {@value #OLDEST_AGE_SECONDS} s, and after {@value #IDLE_MINUTES} minutes with nothing queued or running
 * the tier shrinks to its minimum (0 in dev: no GPU is paid for while nobody generates).
 */
public final class GenerationTier extends Construct {
    public static final String QUEUED_METRIC = "GenerationJobsQueued";
    public static final String RUNNING_METRIC = "GenerationJobsRunning";
    public static final String OLDEST_AGE_METRIC = "GenerationQueueOldestAgeSeconds";
    public static final int OLDEST_AGE_SECONDS = 300;
    public static final int IDLE_MINUTES = 15;

    private final Ec2Service service;
    private final Ec2TaskDefinition taskDefinition;

    public GenerationTier(Construct scope, String id, ComputeStackProps props, Cluster cluster, GpuCapacity gpu,
                          ModelWeights weights, SecurityGroup securityGroup, ILogGroup modelServerLogs) {
        super(scope, id);
        DeploymentProfile profile = props.profile();
        TaskRoles roles = new TaskRoles(this, "Roles", props, "generation");
        roles.pullThroughCache(props);
        taskDefinition = roles.gpuTask(this, weights, securityGroup);
        ContainerDefinition modelServer = ModelServerContainer.addTo(taskDefinition, props.modelServer(),
                props.modelServerImage(), Secret.fromSecretsManager(props.openAiApiKey()), modelServerLogs);
        ContainerDefinition worker = AppContainer.addTo(taskDefinition, props, new AppSettings(props), AppRole.WORKER,
                "localhost", 1024, 2048);
        worker.addContainerDependencies(ModelServerContainer.healthy(modelServer));

        service = Ec2Service.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .desiredCount(profile.minGenerationTasks())
                .vpcSubnets(NetworkStack.privateSubnets())
                .securityGroups(List.of(securityGroup))
                .capacityProviderStrategies(List.of(CapacityProviderStrategy.builder()
                        .capacityProvider(gpu.capacityProvider().getCapacityProviderName()).weight(1).build()))
                // One task per GPU instance: a deployment starts the new task on a spare instance first.
                .minHealthyPercent(profile.minGenerationTasks() == 0 ? 0 : 100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                .serviceConnectConfiguration(ServiceConnectProps.builder()
                        .services(List.of(ServiceConnectService.builder()
                                .portMappingName(ModelServer.SERVICE_CONNECT_NAME)
                                .dnsName(ModelServer.SERVICE_CONNECT_NAME)
                                .port(props.modelServer().engine().port())
                                // generations take minutes; Service Connect's default idle timeout would cut them
                                .idleTimeout(Duration.minutes(10))
                                .perRequestTimeout(Duration.minutes(10))
                                .build()))
                        .build())
                .build();
        scaleOnTheQueue(props);

        roles.suppressAgentFindings();
        NagSuppressions.addResourceSuppressions(taskDefinition, List.of(ComputeStack.environmentHoldsNoSecrets()), true);
    }

    private void scaleOnTheQueue(ComputeStackProps props) {
        DeploymentProfile profile = props.profile();
        ScalableTarget taskCount = ScalableTarget.Builder.create(this, "TaskCount")
                .serviceNamespace(ServiceNamespace.ECS)
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId("service/" + service.getCluster().getClusterName() + "/" + service.getServiceName())
                .minCapacity(profile.minGenerationTasks())
                .maxCapacity(profile.maxGenerationTasks())
                .build();
        props.offHours().ifPresent(offHours -> offHours.scale(taskCount, profile.minGenerationTasks(), profile.maxGenerationTasks()));

        Metric queued = queueMetric(props, QUEUED_METRIC);
        addWorkerWhen("JobsWaiting", taskCount, queued, 1, 2);
        addWorkerWhen("OldestJobWaiting", taskCount, queueMetric(props, OLDEST_AGE_METRIC), OLDEST_AGE_SECONDS, 3);

        IMetric backlog = MathExpression.Builder.create()
                .expression("queued + running")
                .usingMetrics(Map.of("queued", queued, "running", queueMetric(props, RUNNING_METRIC)))
                .label("Generation jobs queued or running")
                .period(Duration.minutes(1))
                .build();
        StepScalingAction shrink = StepScalingAction.Builder.create(this, "ShrinkWhenIdle")
                .scalingTarget(taskCount)
                .adjustmentType(AdjustmentType.EXACT_CAPACITY)
                .metricAggregationType(MetricAggregationType.MAXIMUM)
                .cooldown(Duration.minutes(5))
                .build();
        shrink.addAdjustment(AdjustmentTier.builder().adjustment(profile.minGenerationTasks()).upperBound(0).build());
        Alarm idle = Alarm.Builder.create(this, "Idle")
                .alarmDescription("No generation job queued or running for " + IDLE_MINUTES + " minutes: shrink the GPU tier")
                .metric(backlog)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(IDLE_MINUTES)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        idle.addAlarmAction(new ApplicationScalingAction(shrink));
    }

    private void addWorkerWhen(String id, ScalableTarget taskCount, Metric metric, double threshold, int minutes) {
        StepScalingAction addWorker = StepScalingAction.Builder.create(this, "AddWorkerFor" + id)
                .scalingTarget(taskCount)
                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                .metricAggregationType(MetricAggregationType.MAXIMUM)
                // about the time a GPU instance needs to join and its model server to answer
                .cooldown(Duration.minutes(5))
                .build();
        addWorker.addAdjustment(AdjustmentTier.builder().adjustment(1).lowerBound(0).build());
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(metric.getMetricName() + " >= " + (long) threshold + " for " + minutes + " minutes: add a generation task")
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(minutes)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new ApplicationScalingAction(addWorker));
    }

    /** Every app instance prints the same queue-wide numbers, so Maximum is the queue's value. */
    private static Metric queueMetric(ComputeStackProps props, String name) {
        return Metric.Builder.create()
                .namespace(props.queueMetricsNamespace())
                .metricName(name)
                .statistic("Maximum")
                .period(Duration.minutes(1))
                .build();
    }

    public Ec2Service service() { return service; }

    public Ec2TaskDefinition taskDefinition() { return taskDefinition; }
}
