package dev.concierge.infrastructure;

import software.amazon.awscdk.StackProps;

import java.util.Objects;

/** The environment whose application logs the stack keeps. */
public record LogsStackProps(StackProps stack, DeploymentProfile profile) {
    public LogsStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(profile, "profile");
    }
}
