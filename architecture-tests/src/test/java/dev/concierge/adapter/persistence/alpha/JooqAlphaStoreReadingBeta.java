package dev.concierge.adapter.persistence.alpha;

import dev.concierge.adapter.persistence.jooq.beta.BetaTable;

/** Fixture, violates rules 4 and 7 on purpose: alpha's persistence reading beta's schema. */
public final class JooqAlphaStoreReadingBeta {
    BetaTable beta;
}
