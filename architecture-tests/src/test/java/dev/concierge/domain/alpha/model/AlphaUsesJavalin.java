package dev.concierge.domain.alpha.model;

import io.javalin.http.Context;

/** Fixture, violates rule 1 on purpose: a domain class that knows the web framework. */
public final class AlphaUsesJavalin {
    Context request;
}
