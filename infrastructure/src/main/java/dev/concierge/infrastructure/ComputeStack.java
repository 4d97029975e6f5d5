package dev.concierge.infrastructure;

import io.github.cdklabs.cdknag.NagPackSuppression;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.CloudMapNamespaceOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.servicediscovery.NamespaceType;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.concierge.infrastructure.DataStack.suppression;

/**
 * The ECS cluster (Container Insights) and what runs on it, by {@link Layout}: tiered, a Fargate {@link WebTier}
 * behind the load balancer and a GPU {@link GenerationTier} reached over Service Connect; combined, one GPU
 * {@link CombinedTier} task per instance. GPU capacity ({@link GpuCapacity}) falls back across g4dn, g6 and g5;
 * the model weights live on a shared volume ({@link ModelWeights}). Rules between security groups of different
 * stacks are created here, in the stack that depends on both.
 */
public final class ComputeStack extends Stack {
    public static final String APP_CONTAINER = AppContainer.NAME;
    public static final String MODEL_SERVER_CONTAINER = ModelServerContainer.NAME;

    private final Cluster cluster;
    private final BaseService loadBalancedService;
    private final List<TaskDefinition> appTaskDefinitions = new ArrayList<>();
    private final Optional<WebTier> web;
    private final Optional<GenerationTier> generation;
    private final Optional<CombinedTier> combined;

    public ComputeStack(Construct scope, String id, ComputeStackProps props) {
        super(scope, id, props.stack());
        DeploymentProfile profile = props.profile();

        cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(props.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        RemovalPolicy removal = profile.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        LogGroup modelServerLogs = LogGroup.Builder.create(this, "ModelServerLogs")
                .logGroupName("/concierge/" + profile.name() + "/model-server")
                .retention(profile.appLogRetention()).removalPolicy(removal).build();

        int gpuTasks = props.layout() == Layout.TIERED ? profile.maxGenerationTasks() : profile.maxTasks();
        GpuCapacity gpu = new GpuCapacity(this, "GpuCapacity", cluster, props.vpc(), gpuTasks, props.offHours());
        ModelWeights weights = new ModelWeights(this, "ModelWeights", profile, props.vpc(), props.modelServer().engine());

        switch (props.layout()) {
            case TIERED -> {
                // Service Connect names live in the cluster's namespace; the web tier resolves model-server there.
                cluster.addDefaultCloudMapNamespace(CloudMapNamespaceOptions.builder()
                        .name("concierge-" + profile.name() + ".internal")
                        .type(NamespaceType.HTTP)
                        .useForServiceConnect(true)
                        .build());
                SecurityGroup webTasks = taskSecurityGroup("WebSecurityGroup",
                        "Concierge web tasks: in from the load balancer; out to AWS endpoints, Aurora, the model server", props);
                SecurityGroup generationTasks = taskSecurityGroup("GenerationSecurityGroup",
                        "Concierge generation tasks: the model server in from the web tasks; out to AWS endpoints, Aurora, the model registry", props);
                generationTasks.addIngressRule(webTasks, Port.tcp(props.modelServer().engine().port()),
                        "The model server from the web tier (Service Connect)");
                WebTier webTier = new WebTier(this, "Web", props, cluster, webTasks);
                GenerationTier generationTier = new GenerationTier(this, "Generation", props, cluster, gpu, weights,
                        generationTasks, modelServerLogs);
                // The web tier's proxy resolves model-server only once the generation service is in the namespace.
                webTier.service().getNode().addDependency(generationTier.service());
                web = Optional.of(webTier);
                generation = Optional.of(generationTier);
                combined = Optional.empty();
                loadBalancedService = webTier.service();
                appTaskDefinitions.add(webTier.taskDefinition());
                appTaskDefinitions.add(generationTier.taskDefinition());
            }
            case COMBINED -> {
                SecurityGroup tasks = taskSecurityGroup("ServiceSecurityGroup",
                        "Concierge tasks: in from the load balancer; out to AWS endpoints, Aurora, the model registry", props);
                CombinedTier combinedTier = new CombinedTier(this, "Combined", props, cluster, gpu, weights, tasks,
                        modelServerLogs);
                web = Optional.empty();
                generation = Optional.empty();
                combined = Optional.of(combinedTier);
                loadBalancedService = combinedTier.service();
                appTaskDefinitions.add(combinedTier.taskDefinition());
            }
            default -> throw new IllegalStateException("unknown layout " + props.layout());
        }
    }

    /** A security group for app tasks, let into the database (the rule lives here, beside the group it names). */
    private SecurityGroup taskSecurityGroup(String id, String description, ComputeStackProps props) {
        SecurityGroup group = SecurityGroup.Builder.create(this, id)
                .vpc(props.vpc()).description(description).allowAllOutbound(true).build();
        props.database().getConnections().getSecurityGroups().forEach(database -> database.addIngressRule(
                group, Port.tcp(NetworkStack.DATABASE_PORT), "PostgreSQL from " + id.replace("SecurityGroup", "") + " tasks", true));
        return group;
    }

    static NagPackSuppression environmentHoldsNoSecrets() {
        return suppression("AwsSolutions-ECS2", "Only non-secret settings are plain environment variables; the database "
                + "credentials, the API key and the sign-in secrets come from Secrets Manager through the task's secrets");
    }

    public Cluster cluster() { return cluster; }

    /** The service behind the load balancer: the web tier, or the combined tasks. */
    public BaseService service() { return loadBalancedService; }

    /** Every task definition that runs an app container, in the order web, generation (tiered) or combined. */
    public List<TaskDefinition> appTaskDefinitions() { return List.copyOf(appTaskDefinitions); }

    public Optional<WebTier> web() { return web; }

    public Optional<GenerationTier> generation() { return generation; }

    public Optional<CombinedTier> combined() { return combined; }
}
