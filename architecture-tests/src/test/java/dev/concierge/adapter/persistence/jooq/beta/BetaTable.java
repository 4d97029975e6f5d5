package dev.concierge.adapter.persistence.jooq.beta;

/** Fixture standing in for generated code of schema {@code beta}. */
public final class BetaTable {
}
