package dev.concierge.infrastructure;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.constructs.Construct;

import java.util.List;

/**
 * The app's image repository, in a stack of its own so it exists (and holds a pushed image) before the service
 * that runs the image is created: deploy this stack, push, then deploy the rest.
 */
public final class RegistryStack extends Stack {
    public static final int IMAGES_KEPT = 10;

    private final Repository repository;

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
        CfnOutput.Builder.create(this, "RepositoryUri").value(repository.getRepositoryUri())
                .description("docker push target for the app image").build();
    }

    public Repository repository() { return repository; }
}
