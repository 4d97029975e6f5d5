package dev.concierge.adapter.persistence.alpha;

import jakarta.mail.Session;

/** Fixture, violates rule 4 on purpose: Jakarta Mail outside the mail adapter. */
public final class PersistenceUsesJakartaMail {
    Session session;
}
