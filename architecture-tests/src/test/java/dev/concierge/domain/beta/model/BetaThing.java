package dev.concierge.domain.beta.model;

/** Fixture, compliant: a second context's model, for rules about contexts depending on each other. */
public record BetaThing(String name) {
}
