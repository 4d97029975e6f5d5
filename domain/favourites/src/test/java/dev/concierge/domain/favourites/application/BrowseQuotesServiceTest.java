package dev.concierge.domain.favourites.application;

import dev.concierge.domain.favourites.model.Quote;
import dev.concierge.domain.favourites.model.QuoteNotFound;
import dev.concierge.domain.favourites.model.QuoteOfTheDay;
import dev.concierge.domain.kernel.Unavailable;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowseQuotesServiceTest {

    // Late evening in UTC is already the next day in Tokyo, so reading the date in the wrong zone shows.
    private static final Clock TOKYO_CLOCK = Clock.fixed(Instant.parse("2025-03-09T23:30:00Z"), ZoneId.of("Asia/Tokyo"));

    private static BrowseQuotesService browsing(InMemoryQuoteCatalogue catalogue) {
        return new BrowseQuotesService(catalogue, TOKYO_CLOCK);
    }

    @Test
    void a_quote_is_found_by_its_id() {
        Quote quote = browsing(InMemoryQuoteCatalogue.ofSize(10)).get(7);

        assertThat(quote.id()).isEqualTo(7);
    }

    @Test
    void an_unknown_quote_id_is_not_found() {
        BrowseQuotesService service = browsing(InMemoryQuoteCatalogue.ofSize(10));

        assertThatThrownBy(() -> service.get(11)).isInstanceOf(QuoteNotFound.class);
    }

    @Test
    void the_quote_of_a_date_is_the_one_at_that_date_s_position_in_the_catalogue() {
        InMemoryQuoteCatalogue catalogue = InMemoryQuoteCatalogue.ofSize(120);
        LocalDate date = LocalDate.of(2025, 7, 4);

        Quote quote = browsing(catalogue).ofTheDay(Optional.of(date));

        assertThat(Optional.of(quote)).isEqualTo(catalogue.atPosition(QuoteOfTheDay.positionFor(date, 120)));
    }

    @Test
    void without_a_date_the_quote_of_the_day_is_for_today_in_the_clock_s_zone() {
        BrowseQuotesService service = browsing(InMemoryQuoteCatalogue.ofSize(120));
        LocalDate today = LocalDate.now(TOKYO_CLOCK);
        LocalDate todayInUtc = LocalDate.ofInstant(TOKYO_CLOCK.instant(), ZoneOffset.UTC);
        // the check below only proves something if the two dates pick different quotes
        assertThat(service.ofTheDay(Optional.of(todayInUtc))).isNotEqualTo(service.ofTheDay(Optional.of(today)));

        assertThat(service.ofTheDay(Optional.empty())).isEqualTo(service.ofTheDay(Optional.of(today)));
    }

    @Test
    void an_empty_catalogue_makes_the_quote_of_the_day_unavailable() {
        BrowseQuotesService service = browsing(InMemoryQuoteCatalogue.empty());

        assertThatThrownBy(() -> service.ofTheDay(Optional.empty())).isInstanceOf(Unavailable.class);
    }
}
