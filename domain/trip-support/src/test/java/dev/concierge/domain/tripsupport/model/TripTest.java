package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TripTest {
    static final Instant AT = Instant.parse("2026-11-23T00:00:00Z");

    static Trip planned() {
        return new Trip(new TripId(1), new UserId("alice"), TripDetailsTest.trip(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3)),
                TripStatus.PLANNED, 0, AT);
    }

    @Test void a_submitted_trip_cannot_change_until_decided_and_a_rejected_one_can_be_changed_and_submitted_again() {
        Trip submitted = planned().submit(AT);

        assertThat(submitted.editable()).isFalse();
        assertThatThrownBy(() -> submitted.withDetails(submitted.details(), AT)).hasFieldOrPropertyWithValue("code", "trip_closed");
        Trip rejected = submitted.reject(AT);
        assertThat(rejected.editable()).isTrue();
        assertThat(rejected.submit(AT).status()).isEqualTo(TripStatus.SUBMITTED);
    }

    @Test void a_planned_trip_cannot_be_approved_without_being_submitted() {
        assertThatThrownBy(() -> planned().approve(AT)).hasFieldOrPropertyWithValue("code", "invalid_transition");
    }

    @Test void a_planned_trip_is_approved_then_completed() {
        Trip completed = planned().submit(AT).approve(AT).complete(AT);

        assertThat(completed.status()).isEqualTo(TripStatus.COMPLETED);
        assertThat(completed.editable()).isFalse();
    }

    @Test void a_planned_or_approved_trip_can_be_cancelled() {
        assertThat(planned().cancel(AT).status()).isEqualTo(TripStatus.CANCELLED);
        assertThat(planned().submit(AT).approve(AT).cancel(AT).status()).isEqualTo(TripStatus.CANCELLED);
    }

    @Test void a_planned_trip_cannot_be_completed_without_approval() {
        assertThatThrownBy(() -> planned().complete(AT)).isInstanceOf(RuleViolated.class)
                .hasFieldOrPropertyWithValue("code", "invalid_transition").hasMessageContaining("only a trip that is approved can become completed");
    }

    @Test void an_approved_trip_cannot_be_approved_again() {
        assertThatThrownBy(() -> planned().submit(AT).approve(AT).approve(AT)).isInstanceOf(RuleViolated.class)
                .hasFieldOrPropertyWithValue("code", "invalid_transition");
    }

    @Test void a_completed_trip_cannot_be_cancelled_nor_changed() {
        Trip completed = planned().submit(AT).approve(AT).complete(AT);

        assertThatThrownBy(() -> completed.cancel(AT)).hasFieldOrPropertyWithValue("code", "trip_closed");
        assertThatThrownBy(() -> completed.withDetails(completed.details(), AT)).hasFieldOrPropertyWithValue("code", "trip_closed");
    }

    @Test void a_cancelled_trip_cannot_be_approved_or_cancelled_again() {
        Trip cancelled = planned().cancel(AT);

        assertThatThrownBy(() -> cancelled.approve(AT)).hasFieldOrPropertyWithValue("code", "invalid_transition");
        assertThatThrownBy(() -> cancelled.cancel(AT)).hasFieldOrPropertyWithValue("code", "trip_closed");
    }

    @Test void an_approved_trip_can_still_change_its_details() {
        Trip approved = planned().submit(AT).approve(AT);
        var later = TripDetailsTest.trip(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 4));

        assertThat(approved.withDetails(later, AT).details()).isEqualTo(later);
    }

    @Test void status_names_parse_and_an_unknown_one_is_refused() {
        assertThat(TripStatus.parse(" Approved ")).isEqualTo(TripStatus.APPROVED);
        assertThatThrownBy(() -> TripStatus.parse("done")).isInstanceOf(dev.concierge.domain.kernel.InvalidInput.class);
    }
}
