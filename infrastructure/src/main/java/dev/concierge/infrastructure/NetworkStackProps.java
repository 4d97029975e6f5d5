package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;

import java.util.Objects;

/** What the network needs: only the environment's sizes. */
public record NetworkStackProps(StackProps stack, DeploymentProfile profile) {
    public NetworkStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
    }
}
