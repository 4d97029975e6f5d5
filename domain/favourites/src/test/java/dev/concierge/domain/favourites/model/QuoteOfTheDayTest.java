package dev.concierge.domain.favourites.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteOfTheDayTest {

    @Test
    void the_same_date_always_gets_the_same_position() {
        LocalDate date = LocalDate.of(2025, 6, 15);

        assertThat(QuoteOfTheDay.positionFor(date, 120)).isEqualTo(QuoteOfTheDay.positionFor(LocalDate.of(2025, 6, 15), 120));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 120, 1_000, Integer.MAX_VALUE})
    void the_position_is_always_inside_the_catalogue(int size) {
        // starts before 1970 so negative epoch days are covered too
        LocalDate day = LocalDate.of(1969, 7, 1);
        for (int i = 0; i < 1_000; i++, day = day.plusDays(1)) {
            assertThat(QuoteOfTheDay.positionFor(day, size)).as("%s of %s", day, size).isBetween(0, size - 1);
        }
    }

    @Test
    void a_year_of_days_spreads_over_at_least_half_of_a_catalogue_of_120() {
        Set<Integer> positions = new HashSet<>();
        LocalDate day = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 365; i++, day = day.plusDays(1)) positions.add(QuoteOfTheDay.positionFor(day, 120));

        assertThat(positions).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void consecutive_days_do_not_walk_through_the_catalogue_in_order() {
        LocalDate day = LocalDate.of(2025, 1, 1);
        int steppedByOne = 0;
        for (int i = 0; i < 30; i++, day = day.plusDays(1)) {
            int today = QuoteOfTheDay.positionFor(day, 120);
            int tomorrow = QuoteOfTheDay.positionFor(day.plusDays(1), 120);
            if (tomorrow == (today + 1) % 120) steppedByOne++;
        }

        assertThat(steppedByOne).isLessThan(15);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void an_empty_catalogue_has_no_quote_of_the_day(int size) {
        assertThatThrownBy(() -> QuoteOfTheDay.positionFor(LocalDate.of(2025, 1, 1), size))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
