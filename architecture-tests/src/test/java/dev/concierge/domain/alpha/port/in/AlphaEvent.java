package dev.concierge.domain.alpha.port.in;

/** Fixture, compliant: the events a use case sends its caller, a sealed interface of records. */
public sealed interface AlphaEvent {
    record Named(String name) implements AlphaEvent {}
}
