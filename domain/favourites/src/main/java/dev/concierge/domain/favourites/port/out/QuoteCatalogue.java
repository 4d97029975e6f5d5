package dev.concierge.domain.favourites.port.out;

import dev.concierge.domain.favourites.model.Quote;
import dev.concierge.domain.favourites.model.QuoteSearch;
import dev.concierge.domain.kernel.Page;

import java.util.Optional;

/** The quotes shipped with the app. */
public interface QuoteCatalogue {
    Page<Quote> search(QuoteSearch search);

    Optional<Quote> byId(long id);

    int size();

    /** The quote at a 0-based position in catalogue order. */
    Optional<Quote> atPosition(int position);
}
