package dev.concierge.domain.tripsupport.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

class ItineraryRulesTest {
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    static final TripDetails TRIP = new TripDetails("Kansai", "", "Tokyo", List.of("Osaka", "Kyoto"), DEC_1, DEC_1.plusDays(1));
    static final CustomerVisit ACME = visit(7, "Acme", "Osaka, Umeda", DEC_1.atTime(10, 0), 60);
    /** Osaka and Kyoto are known cities 45 minutes apart; anything inside one city is a guess (same-city). */
    static final BiFunction<String, String, TravelTime> TRAVEL = (from, to) -> city(from).equals(city(to))
            ? new TravelTime(Duration.ofMinutes(20), TravelTime.Basis.SAME_CITY)
            : city(from).isEmpty() || city(to).isEmpty() ? new TravelTime(Duration.ofMinutes(20), TravelTime.Basis.ASSUMED)
            : new TravelTime(Duration.ofMinutes(45), TravelTime.Basis.TABLE);

    static String city(String place) { return place.contains("Osaka") ? "Osaka" : place.contains("Kyoto") ? "Kyoto" : ""; }

    static CustomerVisit visit(long id, String company, String place, java.time.LocalDateTime start, int minutes) {
        return new CustomerVisit(new VisitId(id), new TripId(1), new VisitDetails(company, List.of(), place, start, Duration.ofMinutes(minutes), "", ""),
                Optional.empty(), 1);
    }

    static ItineraryItem item(LocalDate date, String start, String end, ItineraryKind kind, String title, String place) {
        return new ItineraryItem(date, LocalTime.parse(start), end == null ? Optional.empty() : Optional.of(LocalTime.parse(end)), kind, title, place, "");
    }

    /** A draft that keeps every rule: travel there, the visit, the hotel, travel back. */
    static List<ItineraryItem> good() {
        return new ArrayList<>(List.of(
                item(DEC_1, "07:00", "09:30", ItineraryKind.TRANSPORT, "Nozomi to Osaka", "Tokyo Station"),
                item(DEC_1, "10:00", "11:00", ItineraryKind.MEETING, "Acme", "Osaka, Umeda"),
                item(DEC_1, "19:00", "08:00", ItineraryKind.HOTEL, "Hotel Umeda", "Osaka, Umeda"),
                item(DEC_1.plusDays(1), "09:00", null, ItineraryKind.TRANSPORT, "Back to Tokyo", "Shin-Osaka")));
    }

    static List<ItineraryViolation> check(List<ItineraryItem> items) {
        return ItineraryRules.check(TRIP, List.of(ACME), new Itinerary(items, Itinerary.Source.ASSISTANT_DRAFT), TRAVEL);
    }

    static List<String> rules(List<ItineraryViolation> violations) { return violations.stream().map(ItineraryViolation::rule).toList(); }

    @Test void a_draft_that_keeps_every_rule_has_no_violation() {
        assertThat(check(good())).isEmpty();
    }

    @Test void an_item_off_the_trips_days_breaks_the_rule_saving_enforces() {
        List<ItineraryItem> items = good();
        items.add(item(DEC_1.plusDays(2), "09:00", null, ItineraryKind.FREE_TIME, "Sightseeing", ""));

        List<ItineraryViolation> violations = check(items);

        assertThat(violations).containsExactly(new ItineraryViolation(ItineraryRules.OUTSIDE_TRIP, 4, Optional.empty(),
                List.of(DEC_1.plusDays(2), DEC_1, DEC_1.plusDays(1))));
        Itinerary itinerary = new Itinerary(items, Itinerary.Source.USER);
        assertThat(itinerary.outside(TRIP)).containsExactly(4);
    }

    @Test void a_visit_without_a_meeting_at_its_date_and_time_is_missing() {
        List<ItineraryItem> items = good();
        items.set(1, item(DEC_1, "10:30", "11:30", ItineraryKind.MEETING, "Acme", "Osaka, Umeda"));

        List<ItineraryViolation> violations = check(items);

        assertThat(violations).contains(new ItineraryViolation(ItineraryRules.VISIT_MISSING, -1, Optional.of(new VisitId(7)),
                List.of("Acme", DEC_1, LocalTime.of(10, 0))));
    }

    @Test void something_else_during_a_visit_overlaps_it_but_the_hotel_and_a_moment_after_it_do_not() {
        List<ItineraryItem> items = good();
        items.add(item(DEC_1, "10:30", "11:30", ItineraryKind.MEAL, "Early lunch", ""));
        items.add(item(DEC_1, "11:00", null, ItineraryKind.FREE_TIME, "Walk", ""));

        List<ItineraryViolation> violations = check(items);

        assertThat(violations).containsExactly(new ItineraryViolation(ItineraryRules.OVERLAPS_VISIT, 2, Optional.of(new VisitId(7)),
                List.of("Early lunch", "Acme", LocalTime.of(10, 0), LocalTime.of(11, 0))));
    }

    @Test void too_little_time_between_two_cities_breaks_the_travel_rule_but_a_guess_inside_a_city_does_not() {
        List<ItineraryItem> items = good();
        items.add(item(DEC_1, "11:15", "12:00", ItineraryKind.MEAL, "Lunch", "Kyoto Station"));   // 15 min left, 45 needed
        items.add(item(DEC_1, "12:05", "13:00", ItineraryKind.FREE_TIME, "Temple", "Somewhere"));  // a guess: not judged

        List<ItineraryViolation> violations = check(items);

        assertThat(violations).containsExactly(new ItineraryViolation(ItineraryRules.NO_TIME_TO_TRAVEL, 2, Optional.empty(),
                List.of("Osaka, Umeda", "Kyoto Station", 45L, 15L)));
    }

    @Test void the_travel_rule_counts_from_the_end_of_the_visit_not_the_meeting_items_own_end() {
        List<ItineraryItem> items = good();
        items.set(1, item(DEC_1, "10:00", null, ItineraryKind.MEETING, "Acme", "Osaka, Umeda")); // ends with the visit, 11:00
        items.add(item(DEC_1, "11:40", null, ItineraryKind.MEETING, "Kyoto office", "Kyoto"));

        assertThat(rules(check(items))).containsExactly(ItineraryRules.NO_TIME_TO_TRAVEL);
    }

    @Test void each_night_away_needs_a_hotel_item() {
        List<ItineraryItem> items = good();
        items.remove(2);

        assertThat(check(items)).containsExactly(new ItineraryViolation(ItineraryRules.NIGHT_WITHOUT_HOTEL, -1, Optional.empty(), List.of(DEC_1)));
        TripDetails dayTrip = new TripDetails("Day", "", "Tokyo", List.of("Osaka"), DEC_1, DEC_1);
        assertThat(ItineraryRules.check(dayTrip, List.of(), new Itinerary(List.of(items.getFirst()), Itinerary.Source.USER), TRAVEL)).isEmpty();
    }

    @Test void every_violation_is_reported_at_once() {
        List<ItineraryItem> items = good();
        items.remove(2);
        items.set(1, item(DEC_1, "12:00", null, ItineraryKind.MEETING, "Acme", "Osaka, Umeda"));
        items.add(item(DEC_1.minusDays(1), "09:00", null, ItineraryKind.TRANSPORT, "Too early", ""));

        assertThat(rules(check(items))).containsExactlyInAnyOrder(ItineraryRules.OUTSIDE_TRIP, ItineraryRules.VISIT_MISSING,
                ItineraryRules.NIGHT_WITHOUT_HOTEL);
    }
}
