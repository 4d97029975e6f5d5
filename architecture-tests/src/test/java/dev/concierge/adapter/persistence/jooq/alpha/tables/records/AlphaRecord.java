package dev.concierge.adapter.persistence.jooq.alpha.tables.records;

import dev.concierge.adapter.persistence.jooq.alpha.AlphaTable;

/** Fixture standing in for a generated record of schema {@code alpha}. */
public record AlphaRecord(AlphaTable table) {
}
