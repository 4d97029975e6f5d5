package dev.concierge.domain.gamma.model;

/** Fixture: a context with a model and no use case, which the use-case naming rule rejects. */
public record GammaThing(String name) {
}
