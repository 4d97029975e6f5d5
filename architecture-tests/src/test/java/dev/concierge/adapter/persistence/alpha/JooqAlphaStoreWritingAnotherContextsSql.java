package dev.concierge.adapter.persistence.alpha;

/**
 * Fixture, violates rule 7 on purpose: alpha's hand-written SQL reading a real context's schema. The schema's name is
 * split in the source (the compiler joins it into one constant) so that this shared file names no context.
 */
public final class JooqAlphaStoreWritingAnotherContextsSql {
    static final String SQL = "SELECT t.title FROM trip" + "_support.trips t JOIN alpha.things a ON a.trip_id = t.id";
}
