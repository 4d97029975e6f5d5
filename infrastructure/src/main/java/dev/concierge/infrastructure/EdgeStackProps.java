package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.IVpc;

import java.util.Objects;

/** What the edge needs: the environment's sizes, how users reach it (the phase), and the VPC. */
public record EdgeStackProps(StackProps stack, DeploymentProfile profile, Exposure exposure, IVpc vpc) {
    public EdgeStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(vpc, "vpc");
    }
}
