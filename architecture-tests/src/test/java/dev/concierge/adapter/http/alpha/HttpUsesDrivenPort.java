package dev.concierge.adapter.http.alpha;

import dev.concierge.domain.alpha.port.out.AlphaStore;

/** Fixture, violates the driving-adapter rule on purpose: routes that use a driven port instead of a use case. */
public final class HttpUsesDrivenPort {
    AlphaStore store;
}
