package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TripDetailsTest {
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    static TripDetails trip(LocalDate start, LocalDate end) {
        return new TripDetails("Osaka customers", "Renewals", "Tokyo", List.of("Osaka"), start, end);
    }

    @Test void a_trip_ending_before_it_starts_is_refused_on_the_end_date() {
        assertThatThrownBy(() -> trip(DEC_1, DEC_1.minusDays(1))).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).details()).extracting(FieldError::field).containsExactly("endDate"));
    }

    @Test void a_day_trip_has_one_day_and_no_night() {
        TripDetails day = trip(DEC_1, DEC_1);

        assertThat(day.days()).isEqualTo(1);
        assertThat(day.nights()).isZero();
    }

    @Test void a_three_day_trip_has_two_nights_and_covers_exactly_its_days() {
        TripDetails trip = trip(DEC_1, DEC_1.plusDays(2));

        assertThat(trip.days()).isEqualTo(3);
        assertThat(trip.nights()).isEqualTo(2);
        assertThat(trip.covers(DEC_1)).isTrue();
        assertThat(trip.covers(DEC_1.plusDays(2))).isTrue();
        assertThat(trip.covers(DEC_1.minusDays(1))).isFalse();
        assertThat(trip.covers(DEC_1.plusDays(3))).isFalse();
    }

    @Test void a_trip_lasts_at_most_ninety_days() {
        assertThat(trip(DEC_1, DEC_1.plusDays(89)).days()).isEqualTo(90);
        assertThatThrownBy(() -> trip(DEC_1, DEC_1.plusDays(90))).isInstanceOf(InvalidInput.class).hasMessageContaining("endDate: too_many_days");
    }

    @Test void every_missing_field_is_reported_at_once() {
        assertThatThrownBy(() -> new TripDetails(" ", null, "", List.of(" "), null, null))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).details()).extracting(FieldError::field)
                        .containsExactly("title", "origin", "destinations", "startDate", "endDate"));
    }

    @Test void destinations_are_trimmed_and_each_kept_once() {
        TripDetails trip = new TripDetails("t", "", "Tokyo", List.of(" Osaka ", "Osaka", "Kyoto"), DEC_1, DEC_1);

        assertThat(trip.destinations()).containsExactly("Osaka", "Kyoto");
    }

    @Test void more_than_ten_destinations_are_refused() {
        List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "City " + i).toList();

        assertThatThrownBy(() -> new TripDetails("t", "", "Tokyo", eleven, DEC_1, DEC_1)).isInstanceOf(InvalidInput.class);
    }
}
