package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.rds.IDatabaseCluster;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;

import java.util.Objects;
import java.util.Optional;

/**
 * What the compute stack needs from the others, and what the app runs with.
 *
 * @param imageTag                 the tag of the app image in {@code repository} to run
 * @param modelServerImage         the model server's image URI (through the ECR pull-through cache)
 * @param modelServerRepositories  ARN pattern of the pull-through cache's repositories, for the pulling role
 * @param databaseSecret           the Aurora owner (master) secret: migrations and the app role, at start only
 * @param databaseAppSecret        the app's least-privileged role, which the pool connects as
 * @param sessionSecret            the session-signing key, present when the app signs users in ({@code AUTH_MODE=oidc})
 * @param telemetry                the log router and trace collector beside every app container
 * @param offHours                 when the services and the GPU capacity are scaled to zero (dev's nights and weekends)
 */
public record ComputeStackProps(
        StackProps stack,
        DeploymentProfile profile,
        IVpc vpc,
        IRepository repository,
        String imageTag,
        String modelServerImage,
        String modelServerRepositories,
        IDatabaseCluster database,
        ISecret databaseSecret,
        ISecret databaseAppSecret,
        ISecret openAiApiKey,
        Optional<? extends ISecret> sessionSecret,
        IBucket filesBucket,
        IApplicationLoadBalancer loadBalancer,
        ApplicationTargetGroup targetGroup,
        Identity identity,
        Layout layout,
        ModelServer modelServer,
        AppTelemetry telemetry,
        Optional<OffHours> offHours) {

    public ComputeStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(vpc, "vpc");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(imageTag, "imageTag");
        Objects.requireNonNull(modelServerImage, "modelServerImage");
        Objects.requireNonNull(modelServerRepositories, "modelServerRepositories");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(databaseSecret, "databaseSecret");
        Objects.requireNonNull(databaseAppSecret, "databaseAppSecret");
        Objects.requireNonNull(openAiApiKey, "openAiApiKey");
        Objects.requireNonNull(sessionSecret, "sessionSecret");
        Objects.requireNonNull(filesBucket, "filesBucket");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(targetGroup, "targetGroup");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(modelServer, "modelServer");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(offHours, "offHours");
        if (identity instanceof Identity.AppSignIn && sessionSecret.isEmpty()) {
            throw new IllegalArgumentException("the app's own sign-in (AUTH_MODE=oidc) needs a session secret");
        }
    }

    /** {@code Concierge/<env>}: where the app publishes its queue metrics and the generation tier's scaling reads them. */
    public String queueMetricsNamespace() {
        return "Concierge/" + profile.name();
    }
}
