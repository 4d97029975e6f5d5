package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.Ec2Service;
import software.amazon.awscdk.services.ecs.Ec2TaskDefinition;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

import java.util.List;

/**
 * Seed 002's layout for small installs: one GPU task holds the app ({@code ROLE=all}: pages, API and generation
 * workers) and the model server beside it on localhost; the load balancer sends traffic to the app once the model
 * answers. Scales on CPU and requests per task (seed 002).
 */
public final class CombinedTier extends Construct {
    public static final int CPU_PERCENT = 60;

    private final Ec2Service service;
    private final Ec2TaskDefinition taskDefinition;

    public CombinedTier(Construct scope, String id, ComputeStackProps props, Cluster cluster, GpuCapacity gpu,
                        ModelWeights weights, SecurityGroup securityGroup, ILogGroup modelServerLogs) {
        super(scope, id);
        DeploymentProfile profile = props.profile();
        TaskRoles roles = new TaskRoles(this, "Roles", props, "combined");
        roles.pullThroughCache(props);
        taskDefinition = roles.gpuTask(this, weights, securityGroup);
        // The app first: it is the task's default container, the one the load balancer sends traffic to.
        ContainerDefinition app = AppContainer.addTo(taskDefinition, props, new AppSettings(props), AppRole.ALL,
                "localhost", 1024, 2048);
        ContainerDefinition modelServer = ModelServerContainer.addTo(taskDefinition, props.modelServer(),
                props.modelServerImage(), Secret.fromSecretsManager(props.openAiApiKey()), modelServerLogs);
        app.addContainerDependencies(ModelServerContainer.healthy(modelServer));

        service = Ec2Service.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .desiredCount(profile.minTasks())
                .vpcSubnets(NetworkStack.privateSubnets())
                .securityGroups(List.of(securityGroup))
                .capacityProviderStrategies(List.of(CapacityProviderStrategy.builder()
                        .capacityProvider(gpu.capacityProvider().getCapacityProviderName()).weight(1).build()))
                // One task per GPU instance: dev replaces its single task in place, prod rolls with a spare instance.
                .minHealthyPercent(profile.production() ? 50 : 0)
                .maxHealthyPercent(profile.production() ? 200 : 100)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                // Room for migrations at first start, after the model server turned healthy.
                .healthCheckGracePeriod(Duration.seconds(180))
                .build();
        service.attachToApplicationTargetGroup(props.targetGroup());

        ScalableTaskCount scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(profile.minTasks()).maxCapacity(profile.maxTasks()).build());
        scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(CPU_PERCENT)
                .scaleOutCooldown(Duration.minutes(2)).scaleInCooldown(Duration.minutes(10)).build());
        scaling.scaleOnRequestCount("Requests", RequestCountScalingProps.builder()
                .requestsPerTarget(WebTier.REQUESTS_PER_TASK)
                .targetGroup(props.targetGroup())
                .scaleOutCooldown(Duration.minutes(2)).scaleInCooldown(Duration.minutes(10)).build());
        props.offHours().ifPresent(offHours -> offHours.scale(scaling, profile.minTasks(), profile.maxTasks()));

        roles.suppressAgentFindings();
        NagSuppressions.addResourceSuppressions(taskDefinition, List.of(ComputeStack.environmentHoldsNoSecrets()), true);
    }

    public Ec2Service service() { return service; }

    public Ec2TaskDefinition taskDefinition() { return taskDefinition; }
}
