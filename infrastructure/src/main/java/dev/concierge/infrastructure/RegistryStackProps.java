package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;

import java.util.Objects;

/**
 * What the image registry needs: the environment's sizes and the Docker Hub credential of the pull-through cache.
 *
 * @param dockerHubCredentialArn context {@code dockerHubCredentialArn}: a secret the deployer creates once per account
 */
public record RegistryStackProps(StackProps stack, DeploymentProfile profile, String dockerHubCredentialArn) {
    public RegistryStackProps {
        Objects.requireNonNull(dockerHubCredentialArn, "dockerHubCredentialArn");
        if (!dockerHubCredentialArn.matches("arn:aws[a-z-]*:secretsmanager:[^:]+:\\d{12}:secret:ecr-pullthroughcache/.+")) {
            throw new IllegalArgumentException("dockerHubCredentialArn: the ARN of a Secrets Manager secret named "
                    + "ecr-pullthroughcache/<anything> holding {\"username\":…,\"accessToken\":…} of a Docker Hub "
                    + "account (ECR's pull-through cache needs one for Docker Hub), got '" + dockerHubCredentialArn + "'");
        }
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
    }
}
