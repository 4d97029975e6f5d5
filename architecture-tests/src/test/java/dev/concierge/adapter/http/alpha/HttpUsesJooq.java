package dev.concierge.adapter.http.alpha;

import org.jooq.DSLContext;

/** Fixture, violates rule 4 on purpose: jOOQ outside the persistence adapter. */
public final class HttpUsesJooq {
    DSLContext dsl;
}
