package dev.concierge.adapter.persistence.alpha;

/** Fixture, violates rule 7 on purpose: alpha's hand-written SQL reading trip support's schema. */
public final class JooqAlphaStoreWritingTripSupportSql {
    static final String SQL = "SELECT t.title FROM trip_support.trips t JOIN alpha.things a ON a.trip_id = t.id";
}
