package dev.concierge.domain.alpha.port.in;

/** Fixture, violates the port.in naming rule on purpose: a class that is neither a use case nor a record. */
public final class AlphaPortInService {
}
