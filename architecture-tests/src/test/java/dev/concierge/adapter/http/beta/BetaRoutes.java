package dev.concierge.adapter.http.beta;

/** Fixture, compliant: beta's routes. */
public final class BetaRoutes {
}
