package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.ecs.AmiHardwareType;
import software.amazon.awscdk.services.ecs.AsgCapacityProvider;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerDependency;
import software.amazon.awscdk.services.ecs.ContainerDependencyCondition;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.Ec2Service;
import software.amazon.awscdk.services.ecs.Ec2TaskDefinition;
import software.amazon.awscdk.services.ecs.EcsOptimizedImage;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.Host;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.NetworkMode;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.concierge.infrastructure.DataStack.suppression;

/**
 * The ECS cluster on GPU instances (g4dn, the ECS GPU-optimised AMI) running the Concierge service in the private
 * subnets: each task is the app container plus an Ollama sidecar that owns the instance's GPU and keeps its models
 * on the instance's disk at {@code /root/.ollama}. Database credentials and the OpenAI key come from Secrets
 * Manager; the task scales on CPU and on requests per target.
 */
public final class ComputeStack extends Stack {
    public static final String APP_CONTAINER = "app";
    public static final String OLLAMA_CONTAINER = "ollama";
    public static final int OLLAMA_PORT = 11434;
    public static final String OLLAMA_MODELS_PATH = "/root/.ollama";
    /** The app's data directory in the image (Dockerfile); unused in AWS, where the database is Aurora. */
    public static final String DATA_DIR = "/app/data";

    private final Cluster cluster;
    private final Ec2Service service;
    private final Ec2TaskDefinition taskDefinition;
    private final SecurityGroup serviceSecurityGroup;

    public ComputeStack(Construct scope, String id, ComputeStackProps props) {
        super(scope, id, props.stack());
        DeploymentProfile profile = props.profile();

        cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(props.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        AsgCapacityProvider gpuCapacity = gpuCapacity(props);
        cluster.addAsgCapacityProvider(gpuCapacity);
        // After addAsgCapacityProvider, which writes the instance role's policy.
        NagSuppressions.addResourceSuppressions(gpuCapacity.getAutoScalingGroup().getRole(), List.of(
                suppression("AwsSolutions-IAM5", "The ECS agent's own actions (poll, submit state changes, telemetry) "
                        + "take no resource ARN narrower than the cluster's container instances; added by the CDK "
                        + "capacity provider", "Resource::*", "Action::ecs:Submit*")), true);

        taskDefinition = taskDefinition(props);

        // Rules between security groups of different stacks are created here, in the stack that depends on both.
        serviceSecurityGroup = SecurityGroup.Builder.create(this, "ServiceSecurityGroup")
                .vpc(props.vpc())
                .description("Concierge tasks: in from the load balancer; out to AWS endpoints, Aurora, the Ollama registry, OpenAI")
                .allowAllOutbound(true)
                .build();
        // remoteRule=true puts the database's ingress rule in this stack, beside the group it names.
        props.database().getConnections().getSecurityGroups().forEach(database -> database.addIngressRule(
                serviceSecurityGroup, Port.tcp(NetworkStack.DATABASE_PORT), "PostgreSQL from the Concierge tasks", true));

        service = Ec2Service.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .desiredCount(profile.minTasks())
                .vpcSubnets(NetworkStack.privateSubnets())
                .securityGroups(List.of(serviceSecurityGroup))
                .capacityProviderStrategies(List.of(CapacityProviderStrategy.builder()
                        .capacityProvider(gpuCapacity.getCapacityProviderName()).weight(1).build()))
                // One task per GPU instance: dev replaces its single task in place, prod rolls with a spare instance.
                .minHealthyPercent(profile.production() ? 50 : 0)
                .maxHealthyPercent(profile.production() ? 200 : 100)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                // Room for migrations at first start; the model download does not count (the LLM is not critical to /health).
                .healthCheckGracePeriod(Duration.seconds(180))
                .build();
        service.attachToApplicationTargetGroup(props.targetGroup());

        ScalableTaskCount scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(profile.minTasks()).maxCapacity(profile.maxTasks()).build());
        scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(60)
                .scaleOutCooldown(Duration.minutes(2))
                .scaleInCooldown(Duration.minutes(10))
                .build());
        scaling.scaleOnRequestCount("Requests", RequestCountScalingProps.builder()
                .requestsPerTarget(600) // per minute per task
                .targetGroup(props.targetGroup())
                .scaleOutCooldown(Duration.minutes(2))
                .scaleInCooldown(Duration.minutes(10))
                .build());
    }

    private AsgCapacityProvider gpuCapacity(ComputeStackProps props) {
        DeploymentProfile profile = props.profile();
        SecurityGroup instances = SecurityGroup.Builder.create(this, "GpuInstanceSecurityGroup")
                .vpc(props.vpc())
                .description("GPU container instances: nothing comes in (tasks have their own network interfaces)")
                .allowAllOutbound(true)
                .build();
        UserData userData = UserData.forLinux();
        userData.addCommands(
                "echo ECS_ENABLE_GPU_SUPPORT=true >> /etc/ecs/ecs.config",
                // Tasks must not borrow the instance's role through the metadata service.
                "echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config");
        Role instanceRole = Role.Builder.create(this, "GpuInstanceRole")
                .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
                .description("ECS container instances: register with the cluster (policies added by the capacity provider)")
                .build();
        LaunchTemplate launchTemplate = LaunchTemplate.Builder.create(this, "GpuInstances")
                .machineImage(EcsOptimizedImage.amazonLinux2023(AmiHardwareType.GPU))
                .instanceType(profile.gpuInstanceType())
                .userData(userData)
                .role(instanceRole)
                .securityGroup(instances)
                .requireImdsv2(true)
                .blockDevices(List.of(BlockDevice.builder()
                        .deviceName("/dev/xvda")
                        // Models live here (the Ollama volume), so the disk is larger than the AMI's default.
                        .volume(BlockDeviceVolume.ebs(150,
                                EbsDeviceOptions.builder()
                                        .encrypted(true)
                                        .volumeType(EbsDeviceVolumeType.GP3)
                                        .build()))
                        .build()))
                .build();
        AutoScalingGroup group = AutoScalingGroup.Builder.create(this, "GpuCapacity")
                .vpc(props.vpc())
                .vpcSubnets(NetworkStack.privateSubnets())
                .launchTemplate(launchTemplate)
                .minCapacity(0)
                // one spare instance so a rolling deployment can start a new task before stopping an old one
                .maxCapacity(profile.maxTasks() + 1)
                .build();
        NagSuppressions.addResourceSuppressions(group, List.of(
                suppression("AwsSolutions-AS3", "The ECS capacity provider scales this group; its activity shows in the "
                        + "ECS service events and Container Insights, so scaling notifications would only repeat them")), true);
        return AsgCapacityProvider.Builder.create(this, "GpuCapacityProvider")
                .autoScalingGroup(group)
                .enableManagedScaling(true)
                .targetCapacityPercent(100)
                // ECS drains an instance's tasks before the group terminates it: no drain-hook Lambda needed.
                .enableManagedDraining(true)
                .enableManagedTerminationProtection(false)
                .build();
    }

    private Ec2TaskDefinition taskDefinition(ComputeStackProps props) {
        DeploymentProfile profile = props.profile();
        Role executionRole = Role.Builder.create(this, "ExecutionRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("ECS agent for Concierge tasks: pull the image, write logs, read the task's secrets")
                .build();
        Role taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("Concierge app at run time: no AWS permissions (secrets arrive as environment variables)")
                .build();

        Ec2TaskDefinition task = Ec2TaskDefinition.Builder.create(this, "Task")
                .networkMode(NetworkMode.AWS_VPC)
                .executionRole(executionRole)
                .taskRole(taskRole)
                .volumes(List.of(Volume.builder()
                        .name("ollama-models")
                        .host(Host.builder().sourcePath("/var/lib/concierge/ollama").build())
                        .build()))
                .build();

        RemovalPolicy removal = profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        LogGroup ollamaLogs = LogGroup.Builder.create(this, "OllamaLogs")
                .logGroupName("/concierge/" + profile.name() + "/ollama")
                .retention(profile.appLogRetention()).removalPolicy(removal).build();

        // The app first: it is the task's default container, the one the load balancer sends traffic to.
        ContainerDefinition app = task.addContainer(APP_CONTAINER, ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromEcrRepository(props.repository(), props.imageTag()))
                .essential(true)
                .cpu(1024)
                .memoryReservationMiB(2048)
                .memoryLimitMiB(3072)
                .portMappings(List.of(PortMapping.builder().containerPort(NetworkStack.APP_PORT).build()))
                .environment(appEnvironment(props))
                .secrets(appSecrets(props))
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "curl -fsS http://localhost:" + NetworkStack.APP_PORT + "/health > /dev/null || exit 1"))
                        .interval(Duration.seconds(30)).timeout(Duration.seconds(5)).retries(3)
                        .startPeriod(Duration.seconds(120))
                        .build())
                // longer than SHUTDOWN_DRAIN_SECONDS, so in-flight requests finish before SIGKILL
                .stopTimeout(Duration.seconds(45))
                .logging(props.telemetry().appLogDriver())
                .build());
        props.telemetry().addTo(task, app);
        ContainerDefinition ollama = task.addContainer(OLLAMA_CONTAINER, ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry(props.ollamaImage()))
                .essential(true)
                .gpuCount(1)
                .cpu(2048)
                .memoryReservationMiB(8192)
                .memoryLimitMiB(12288)
                .environment(Map.of(
                        "OLLAMA_MODEL", props.ollamaModel(),
                        "OLLAMA_KEEP_ALIVE", "24h"))
                // Serve, then make sure the model is on the volume (a no-op when it already is).
                .entryPoint(List.of("/bin/sh", "-c"))
                .command(List.of("ollama serve & server=$!; sleep 5; ollama pull \"$OLLAMA_MODEL\"; wait $server"))
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "ollama list > /dev/null || exit 1"))
                        .interval(Duration.seconds(30)).timeout(Duration.seconds(5)).retries(3)
                        .startPeriod(Duration.seconds(30))
                        .build())
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(ollamaLogs).streamPrefix(OLLAMA_CONTAINER).build()))
                .build());
        ollama.addMountPoints(MountPoint.builder()
                .sourceVolume("ollama-models").containerPath(OLLAMA_MODELS_PATH).readOnly(false).build());

        app.addContainerDependencies(ContainerDependency.builder()
                .container(ollama).condition(ContainerDependencyCondition.HEALTHY).build());

        NagSuppressions.addResourceSuppressions(task, List.of(
                suppression("AwsSolutions-ECS2", "Only non-secret settings are plain environment variables; the database "
                        + "credentials and the API key come from Secrets Manager through the task's secrets")), true);
        NagSuppressions.addResourceSuppressions(executionRole, List.of(
                suppression("AwsSolutions-IAM5", "ecr:GetAuthorizationToken has no resource-level permissions; pulls "
                        + "themselves are limited to the app's repository", "Resource::*")), true);
        return task;
    }

    /** The app's settings, by the names it reads (README "Settings"); secrets are in {@link #appSecrets}. */
    static Map<String, String> appEnvironment(ComputeStackProps props) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORT", String.valueOf(NetworkStack.APP_PORT));
        environment.put("DATA_DIR", DATA_DIR);
        environment.put("DATABASE_URL", "jdbc:postgresql://" + props.database().getClusterEndpoint().getHostname()
                + ":" + NetworkStack.DATABASE_PORT + "/" + DataStack.DATABASE_NAME);
        environment.put("LLM_PROVIDER", props.llmProvider());
        // The sidecar shares the task's network namespace (awsvpc), so it is on localhost.
        environment.put("OLLAMA_BASE_URL", "http://localhost:" + OLLAMA_PORT);
        environment.put("OLLAMA_MODEL", props.ollamaModel());
        environment.put("LOG_FORMAT", "json");
        environment.put("AWS_REGION", Stack.of(props.vpc()).getRegion());
        if (props.albAuthenticates()) {
            environment.put("AUTH_MODE", "alb");
            // The ALB signs the x-amzn-oidc-data header; the app accepts only tokens whose signer is this ALB.
            environment.put("ALB_SIGNER_ARN", props.loadBalancer().getLoadBalancerArn());
        } else {
            environment.put("AUTH_MODE", "local");
        }
        return environment;
    }

    static Map<String, Secret> appSecrets(ComputeStackProps props) {
        return Map.of(
                "DATABASE_USER", Secret.fromSecretsManager(props.databaseSecret(), "username"),
                "DATABASE_PASSWORD", Secret.fromSecretsManager(props.databaseSecret(), "password"),
                "OPENAI_API_KEY", Secret.fromSecretsManager(props.openAiApiKey()));
    }

    public Cluster cluster() { return cluster; }

    public Ec2Service service() { return service; }

    public Ec2TaskDefinition taskDefinition() { return taskDefinition; }

    public SecurityGroup serviceSecurityGroup() { return serviceSecurityGroup; }
}
