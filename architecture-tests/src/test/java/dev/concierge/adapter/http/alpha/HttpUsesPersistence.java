package dev.concierge.adapter.http.alpha;

import dev.concierge.adapter.persistence.alpha.JooqAlphaStore;

/** Fixture, violates rule 3 on purpose: one adapter using another. */
public final class HttpUsesPersistence {
    JooqAlphaStore store;
}
