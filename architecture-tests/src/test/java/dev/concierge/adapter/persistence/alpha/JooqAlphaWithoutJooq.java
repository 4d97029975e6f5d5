package dev.concierge.adapter.persistence.alpha;

/** Fixture, violating: named after jOOQ, but plain Java with no jOOQ in it. */
public final class JooqAlphaWithoutJooq {
    String describe() { return "alpha"; }
}
