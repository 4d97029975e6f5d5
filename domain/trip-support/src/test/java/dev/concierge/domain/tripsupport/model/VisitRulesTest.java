package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.RuleViolated;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisitRulesTest {
    static final TripDetails DEC_1_TO_3 = TripDetailsTest.trip(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3));

    static VisitDetails visit(LocalDateTime start, int minutes) {
        return new VisitDetails("Acme", List.of("Sato"), "Osaka", start, Duration.ofMinutes(minutes), "", "");
    }

    static CustomerVisit stored(long id, LocalDateTime start, int minutes) {
        return new CustomerVisit(new VisitId(id), new TripId(1), visit(start, minutes), Optional.empty(), 0);
    }

    @Test void a_visit_on_the_first_or_last_day_is_inside_the_trip() {
        assertThatCode(() -> VisitRules.requireInsideTrip(DEC_1_TO_3, visit(LocalDateTime.of(2026, 12, 1, 0, 0), 60))).doesNotThrowAnyException();
        assertThatCode(() -> VisitRules.requireInsideTrip(DEC_1_TO_3, visit(LocalDateTime.of(2026, 12, 3, 22, 0), 120))).doesNotThrowAnyException();
    }

    @Test void a_visit_the_day_before_the_trip_is_refused_naming_the_trip_dates() {
        assertThatThrownBy(() -> VisitRules.requireInsideTrip(DEC_1_TO_3, visit(LocalDateTime.of(2026, 11, 30, 10, 0), 60)))
                .isInstanceOf(RuleViolated.class).hasFieldOrPropertyWithValue("code", "visit_outside_trip")
                .hasMessageContaining("2026-12-01 to 2026-12-03");
    }

    @Test void a_visit_running_past_midnight_of_the_last_day_is_refused() {
        assertThatThrownBy(() -> VisitRules.requireInsideTrip(DEC_1_TO_3, visit(LocalDateTime.of(2026, 12, 3, 23, 30), 60)))
                .isInstanceOf(RuleViolated.class);
    }

    @Test void visits_that_only_touch_do_not_overlap() {
        var first = stored(1, LocalDateTime.of(2026, 12, 1, 10, 0), 60);
        var second = stored(2, LocalDateTime.of(2026, 12, 1, 11, 0), 60);

        assertThat(VisitRules.overlaps(List.of(first, second))).isEmpty();
        assertThat(first.overlaps(second)).isFalse();
    }

    @Test void overlapping_visits_are_reported_in_time_order_whatever_the_input_order() {
        var late = stored(1, LocalDateTime.of(2026, 12, 1, 10, 30), 60);
        var early = stored(2, LocalDateTime.of(2026, 12, 1, 10, 0), 60);

        assertThat(VisitRules.overlaps(List.of(late, early))).containsExactly(new VisitRules.Overlap(new VisitId(2), new VisitId(1)));
    }

    @Test void a_long_visit_overlapping_two_later_ones_reports_both_pairs() {
        var longOne = stored(1, LocalDateTime.of(2026, 12, 1, 9, 0), 240);
        var second = stored(2, LocalDateTime.of(2026, 12, 1, 10, 0), 30);
        var third = stored(3, LocalDateTime.of(2026, 12, 1, 12, 0), 30);
        var afterwards = stored(4, LocalDateTime.of(2026, 12, 1, 13, 0), 30);

        assertThat(VisitRules.overlaps(List.of(afterwards, third, second, longOne))).containsExactly(
                new VisitRules.Overlap(new VisitId(1), new VisitId(2)), new VisitRules.Overlap(new VisitId(1), new VisitId(3)));
    }

    @Test void a_visit_does_not_overlap_itself() {
        var visit = stored(1, LocalDateTime.of(2026, 12, 1, 10, 0), 60);

        assertThat(visit.overlaps(visit)).isFalse();
    }

    @Test void a_visit_lasts_between_five_minutes_and_twelve_hours() {
        assertThatCode(() -> visit(LocalDateTime.of(2026, 12, 1, 10, 0), 5)).doesNotThrowAnyException();
        assertThatCode(() -> visit(LocalDateTime.of(2026, 12, 1, 10, 0), 720)).doesNotThrowAnyException();
        assertThatThrownBy(() -> visit(LocalDateTime.of(2026, 12, 1, 10, 0), 4)).isInstanceOf(InvalidInput.class).hasMessageContaining("durationMinutes");
        assertThatThrownBy(() -> visit(LocalDateTime.of(2026, 12, 1, 10, 0), 721)).isInstanceOf(InvalidInput.class);
    }

    @Test void a_visit_lasts_whole_minutes() {
        assertThatThrownBy(() -> new VisitDetails("Acme", List.of(), "Osaka", LocalDateTime.of(2026, 12, 1, 10, 0),
                Duration.ofSeconds(3_630), "", "")).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).details()).extracting(dev.concierge.domain.kernel.FieldError::code)
                        .containsExactly("whole_number"));
    }

    @Test void a_visit_needs_a_company_a_place_and_a_start() {
        assertThatThrownBy(() -> new VisitDetails("", List.of(), " ", null, Duration.ofHours(1), null, null))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).details()).extracting(dev.concierge.domain.kernel.FieldError::field)
                        .containsExactly("company", "location", "startsAt"));
    }

    @Test void preparation_notes_are_trimmed_blank_means_none_and_are_bounded() {
        var details = visit(LocalDateTime.of(2026, 12, 1, 10, 0), 60);

        assertThat(new CustomerVisit(new VisitId(1), new TripId(1), details, Optional.of("  Bring the contract  "), 0).preparationNotes())
                .contains("Bring the contract");
        assertThat(new CustomerVisit(new VisitId(1), new TripId(1), details, Optional.of("   "), 0).preparationNotes()).isEmpty();
        assertThatThrownBy(() -> new CustomerVisit(new VisitId(1), new TripId(1), details,
                Optional.of("x".repeat(CustomerVisit.MAX_PREPARATION_NOTES + 1)), 0)).isInstanceOf(InvalidInput.class);
    }
}
