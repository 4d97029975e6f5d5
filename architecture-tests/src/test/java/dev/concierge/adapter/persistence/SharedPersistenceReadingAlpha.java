package dev.concierge.adapter.persistence;

import dev.concierge.adapter.persistence.jooq.alpha.AlphaTable;

/** Fixture, violates rule 7 on purpose: code shared by every context reading one context's tables. */
public final class SharedPersistenceReadingAlpha {
    AlphaTable alpha;
}
