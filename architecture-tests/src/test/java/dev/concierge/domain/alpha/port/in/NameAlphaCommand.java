package dev.concierge.domain.alpha.port.in;

/** Fixture, compliant: a use case's input record. */
public record NameAlphaCommand(String name) {
}
