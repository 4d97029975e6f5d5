package dev.concierge.domain.favourites.port.in;

import dev.concierge.domain.favourites.model.Quote;
import dev.concierge.domain.favourites.model.QuoteSearch;
import dev.concierge.domain.kernel.Page;

import java.time.LocalDate;
import java.util.Optional;

public interface BrowseQuotesUseCase {
    Page<Quote> search(QuoteSearch search);

    Quote get(long id);

    /** The quote of {@code date}, or of today (in the app's time zone) when empty. */
    Quote ofTheDay(Optional<LocalDate> date);
}
