package dev.concierge.adapter.persistence.alpha;

import io.javalin.http.Context;

/** Fixture, violates rule 4 on purpose: Javalin outside the http adapter. */
public final class PersistenceUsesJavalin {
    Context request;
}
