package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItineraryTest {
    static ItineraryItem item(LocalDate day, LocalTime start, ItineraryKind kind, String title) {
        return new ItineraryItem(day, start, Optional.empty(), kind, title, "", "");
    }

    @Test void items_are_kept_day_by_day_in_time_order() {
        var lunch = item(LocalDate.of(2026, 12, 1), LocalTime.of(12, 0), ItineraryKind.MEAL, "Lunch");
        var train = item(LocalDate.of(2026, 12, 1), LocalTime.of(7, 0), ItineraryKind.TRANSPORT, "Nozomi");
        var dayTwo = item(LocalDate.of(2026, 12, 2), LocalTime.of(6, 0), ItineraryKind.FREE_TIME, "Walk");

        assertThat(new Itinerary(List.of(dayTwo, lunch, train), Itinerary.Source.USER).items()).containsExactly(train, lunch, dayTwo);
    }

    @Test void every_item_outside_the_trip_is_reported_by_its_position() {
        var trip = TripDetailsTest.trip(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
        var itinerary = new Itinerary(List.of(
                item(LocalDate.of(2026, 11, 30), LocalTime.of(9, 0), ItineraryKind.TRANSPORT, "Too early"),
                item(LocalDate.of(2026, 12, 1), LocalTime.of(9, 0), ItineraryKind.MEETING, "Fine"),
                item(LocalDate.of(2026, 12, 3), LocalTime.of(9, 0), ItineraryKind.TRANSPORT, "Too late")), Itinerary.Source.USER);

        assertThatThrownBy(() -> itinerary.requireWithin(trip)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).details()).extracting(FieldError::field).containsExactly("items[0].date", "items[2].date"));
    }

    @Test void an_itinerary_inside_the_trip_passes() {
        var trip = TripDetailsTest.trip(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));

        assertThatCode(() -> new Itinerary(List.of(item(LocalDate.of(2026, 12, 2), LocalTime.NOON, ItineraryKind.MEETING, "Acme")),
                Itinerary.Source.ASSISTANT_DRAFT).requireWithin(trip)).doesNotThrowAnyException();
    }

    @Test void a_hotel_may_end_the_next_morning_but_a_meeting_may_not_end_before_it_starts() {
        assertThatCode(() -> new ItineraryItem(LocalDate.of(2026, 12, 1), LocalTime.of(20, 0), Optional.of(LocalTime.of(8, 0)),
                ItineraryKind.HOTEL, "Hotel", "Namba", "")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new ItineraryItem(LocalDate.of(2026, 12, 1), LocalTime.of(20, 0), Optional.of(LocalTime.of(8, 0)),
                ItineraryKind.MEETING, "Acme", "", "")).isInstanceOf(InvalidInput.class);
    }

    @Test void kinds_parse_from_their_wire_names() {
        assertThat(ItineraryKind.parse("free-time")).isEqualTo(ItineraryKind.FREE_TIME);
        assertThat(ItineraryKind.parse("FREE_TIME")).isEqualTo(ItineraryKind.FREE_TIME);
        assertThatThrownBy(() -> ItineraryKind.parse("party")).isInstanceOf(InvalidInput.class);
    }
}
