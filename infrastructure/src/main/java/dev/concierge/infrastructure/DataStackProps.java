package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;

import java.util.Objects;

/**
 * What the data stack needs: the environment's sizes, the VPC, and whether the app signs users in itself (then it
 * needs a session-signing secret), and Aurora Serverless v2 when the context asks for it instead of provisioned instances.
 */
public record DataStackProps(StackProps stack, DeploymentProfile profile, IVpc vpc, boolean appSignIn,
                             java.util.Optional<AuroraServerless> serverless) {
    public DataStackProps {
        Objects.requireNonNull(serverless, "serverless");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(vpc, "vpc");
    }
}
