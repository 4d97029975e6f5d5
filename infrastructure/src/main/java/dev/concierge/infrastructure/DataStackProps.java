package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;

import java.util.Objects;

/** What the data stack needs: the environment's sizes and the VPC. */
public record DataStackProps(StackProps stack, DeploymentProfile profile, IVpc vpc) {
    public DataStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(vpc, "vpc");
    }
}
