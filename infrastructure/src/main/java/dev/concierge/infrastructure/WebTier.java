package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.MemoryUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.ServiceConnectProps;
import software.constructs.Construct;

import java.util.List;

import static dev.concierge.infrastructure.DataStack.suppression;

/**
 * The web tier of the tiered layout: a Fargate service ({@code ROLE=web}, no GPU) behind the load balancer, serving
 * pages, API, chat and drafts; it reaches the model server over ECS Service Connect and keeps serving when no GPU
 * task is up (LLM features then answer 503). Scales on CPU {@value #CPU_PERCENT} %, memory {@value #MEMORY_PERCENT} %
 * (seed 004) and requests per task.
 */
public final class WebTier extends Construct {
    public static final int CPU_PERCENT = 70;
    public static final int MEMORY_PERCENT = 80;
    /** Requests per minute per task before another starts. */
    public static final int REQUESTS_PER_TASK = 600;

    private final FargateService service;
    private final FargateTaskDefinition taskDefinition;

    public WebTier(Construct scope, String id, ComputeStackProps props, Cluster cluster, SecurityGroup securityGroup) {
        super(scope, id);
        DeploymentProfile.WebTierSize size = props.profile().web();
        TaskRoles roles = new TaskRoles(this, "Roles", props, "web");
        taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(size.cpu())
                .memoryLimitMiB(size.memoryMiB())
                .executionRole(roles.execution())
                .taskRole(roles.task())
                .build();
        AppContainer.addTo(taskDefinition, props, new AppSettings(props), AppRole.WEB, ModelServer.SERVICE_CONNECT_NAME,
                0, size.memoryMiB() - AppTelemetry.SIDECARS_MEMORY_MIB);
        service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .desiredCount(size.minTasks())
                .vpcSubnets(NetworkStack.privateSubnets())
                .securityGroups(List.of(securityGroup))
                .assignPublicIp(false)
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                // Room for migrations at first start.
                .healthCheckGracePeriod(Duration.seconds(180))
                // A client of the namespace: the model server is http://model-server:<port>.
                .serviceConnectConfiguration(ServiceConnectProps.builder().build())
                .build();
        service.attachToApplicationTargetGroup(props.targetGroup());

        ScalableTaskCount scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(size.minTasks()).maxCapacity(size.maxTasks()).build());
        scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(CPU_PERCENT)
                .scaleOutCooldown(Duration.minutes(2)).scaleInCooldown(Duration.minutes(10)).build());
        scaling.scaleOnMemoryUtilization("Memory", MemoryUtilizationScalingProps.builder()
                .targetUtilizationPercent(MEMORY_PERCENT)
                .scaleOutCooldown(Duration.minutes(2)).scaleInCooldown(Duration.minutes(10)).build());
        scaling.scaleOnRequestCount("Requests", RequestCountScalingProps.builder()
                .requestsPerTarget(REQUESTS_PER_TASK)
                .targetGroup(props.targetGroup())
                .scaleOutCooldown(Duration.minutes(2)).scaleInCooldown(Duration.minutes(10)).build());
        props.offHours().ifPresent(offHours -> offHours.scale(scaling, size.minTasks(), size.maxTasks()));

        roles.suppressAgentFindings();
        NagSuppressions.addResourceSuppressions(taskDefinition, List.of(ComputeStack.environmentHoldsNoSecrets()), true);
    }

    public FargateService service() { return service; }

    public FargateTaskDefinition taskDefinition() { return taskDefinition; }
}
