package dev.concierge.adapter.persistence.alpha;

/** Fixture, violates rule 7 on purpose: alpha's hand-written SQL reading beta's schema. */
public final class JooqAlphaStoreWritingBetaSql {
    static final String SQL = "SELECT t.title FROM beta.trips t JOIN alpha.things a ON a.trip_id = t.id";
}
