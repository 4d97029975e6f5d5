package dev.concierge.adapter.http.alpha;

import dev.concierge.adapter.persistence.jooq.alpha.AlphaTable;

/** Fixture, violates rule 4 on purpose: generated jOOQ code outside the persistence adapter. */
public final class HttpUsesGeneratedTables {
    AlphaTable table;
}
