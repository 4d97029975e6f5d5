package dev.concierge.adapter.http.alpha;

import dev.concierge.adapter.http.beta.BetaRoutes;

/** Fixture, violates the per-context rule on purpose: alpha's routes reaching into beta's. */
public final class AlphaRoutes {
    BetaRoutes beta;
}
