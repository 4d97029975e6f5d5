package dev.concierge.adapter.http.alpha;

import dev.concierge.adapter.http.web.Messages;

/** Fixture, compliant: a context's page using what the http adapter shares with every context. */
public final class AlphaPage {
    Messages messages;
}
