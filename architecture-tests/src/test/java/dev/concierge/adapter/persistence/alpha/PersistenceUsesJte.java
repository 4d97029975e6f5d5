package dev.concierge.adapter.persistence.alpha;

import gg.jte.TemplateEngine;

/** Fixture, violates rule 4 on purpose: JTE outside the http adapter. */
public final class PersistenceUsesJte {
    TemplateEngine templates;
}
