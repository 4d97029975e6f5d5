package dev.concierge.domain.favourites.application;

import dev.concierge.domain.favourites.model.Quote;
import dev.concierge.domain.favourites.model.QuoteNotFound;
import dev.concierge.domain.favourites.model.QuoteOfTheDay;
import dev.concierge.domain.favourites.model.QuoteSearch;
import dev.concierge.domain.favourites.port.in.BrowseQuotesUseCase;
import dev.concierge.domain.favourites.port.out.QuoteCatalogue;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.Unavailable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

public final class BrowseQuotesService implements BrowseQuotesUseCase {
    private final QuoteCatalogue catalogue;
    private final Clock clock;

    public BrowseQuotesService(QuoteCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override public Page<Quote> search(QuoteSearch search) { return catalogue.search(search); }

    @Override public Quote get(long id) { return catalogue.byId(id).orElseThrow(() -> new QuoteNotFound(id)); }

    @Override public Quote ofTheDay(Optional<LocalDate> date) {
        int size = catalogue.size();
        if (size == 0) throw new Unavailable("catalogue_empty", "The quote catalogue is empty; run the database migrations.");
        int position = QuoteOfTheDay.positionFor(date.orElseGet(() -> LocalDate.now(clock)), size);
        // Only a migration running between the two reads can make the position vanish.
        return catalogue.atPosition(position).orElseThrow(() -> new Unavailable("catalogue_changing",
                "The quote catalogue is being updated; try again in a moment."));
    }
}
