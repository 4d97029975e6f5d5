package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.NotFound;

public final class QuoteNotFound extends NotFound {
    public QuoteNotFound(long id) { super("Quote " + id + " does not exist."); }
}
