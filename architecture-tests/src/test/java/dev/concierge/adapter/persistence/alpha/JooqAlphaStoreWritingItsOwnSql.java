package dev.concierge.adapter.persistence.alpha;

/** Fixture, compliant: alpha's hand-written SQL names only alpha's schema (and mentions another context's in no SQL). */
public final class JooqAlphaStoreWritingItsOwnSql {
    static final String SQL = "SELECT a.name FROM alpha.things a WHERE a.kind = ?";
    static final String NOTE = "favourites are elsewhere";
}
