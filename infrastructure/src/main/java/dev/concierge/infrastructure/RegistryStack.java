package dev.concierge.infrastructure;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.CfnPullThroughCacheRule;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.constructs.Construct;

import java.util.List;

/**
 * The app's image repository, in a stack of its own so it exists (and holds a pushed image) before the service
 * that runs the image is created: deploy this stack, push, then deploy the rest. Also the pull-through cache rule
 * that brings the model server's image from Docker Hub into this account's ECR: GPU instances pull it over the VPC
 * endpoints, from the region, with the account's credential instead of anonymously through NAT (Docker Hub's
 * anonymous pull limits), and ECR scans it like the app's image.
 */
public final class RegistryStack extends Stack {
    public static final int IMAGES_KEPT = 10;

    private final Repository repository;
    private final String dockerHubPrefix;

    public RegistryStack(Construct scope, String id, RegistryStackProps props) {
        super(scope, id, props.stack());
        repository = Repository.Builder.create(this, "AppImages")
                .repositoryName("concierge-" + props.profile().name())
                .imageScanOnPush(true)
                // Each image is tagged with its commit SHA once (the delivery workflow); a tag never moves.
                .imageTagMutability(TagMutability.IMMUTABLE)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .description("Keep the last " + IMAGES_KEPT + " images")
                        .maxImageCount(IMAGES_KEPT)
                        .build()))
                .removalPolicy(props.profile().production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .emptyOnDelete(!props.profile().production())
                .build();
        // ECR Public mirrors only Docker's official images; ollama/ollama and vllm/vllm-openai are not among them.
        dockerHubPrefix = "concierge-" + props.profile().name() + "-docker-hub";
        CfnPullThroughCacheRule.Builder.create(this, "DockerHubPullThroughCache")
                .ecrRepositoryPrefix(dockerHubPrefix)
                .upstreamRegistry("docker-hub")
                .upstreamRegistryUrl("registry-1.docker.io")
                .credentialArn(props.dockerHubCredentialArn())
                .build();
        CfnOutput.Builder.create(this, "RepositoryUri").value(repository.getRepositoryUri())
                .description("docker push target for the app image").build();
    }

    public Repository repository() { return repository; }

    /** The image URI of a Docker Hub image ({@code owner/name}) through the pull-through cache, e.g. for ECS. */
    public String throughPullThroughCache(String dockerHubImage, String tag) {
        return getAccount() + ".dkr.ecr." + getRegion() + "." + getUrlSuffix() + "/" + dockerHubPrefix + "/" + dockerHubImage + ":" + tag;
    }

    /** The ECR repositories the pull-through cache creates, for the pulling role's permissions. */
    public String pullThroughCacheRepositories() {
        return "arn:" + getPartition() + ":ecr:" + getRegion() + ":" + getAccount() + ":repository/" + dockerHubPrefix + "/*";
    }
}
