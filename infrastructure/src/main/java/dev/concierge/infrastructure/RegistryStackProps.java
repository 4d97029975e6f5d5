package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;

import java.util.Objects;

/** What the image registry needs: only the environment's sizes. */
public record RegistryStackProps(StackProps stack, DeploymentProfile profile) {
    public RegistryStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
    }
}
