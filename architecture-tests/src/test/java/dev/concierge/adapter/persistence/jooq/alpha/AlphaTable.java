package dev.concierge.adapter.persistence.jooq.alpha;

import dev.concierge.adapter.persistence.jooq.alpha.tables.records.AlphaRecord;

/** Fixture standing in for generated code of schema {@code alpha}; its package cycle with the record is tolerated. */
public final class AlphaTable {
    public AlphaRecord newRecord() { return new AlphaRecord(this); }
}
