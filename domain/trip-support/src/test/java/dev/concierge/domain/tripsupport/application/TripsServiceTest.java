package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.tripsupport.port.in.AddVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ChangeTripStatusCommand;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.MoveVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceExpensePlanCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceItineraryCommand;
import dev.concierge.domain.tripsupport.port.in.SetPreparationNotesCommand;
import dev.concierge.domain.tripsupport.port.in.UpdateTripCommand;
import dev.concierge.domain.tripsupport.port.in.UpdateVisitCommand;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripNotFound;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitNotFound;
import dev.concierge.domain.tripsupport.model.VisitRules;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TripsServiceTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    final InMemoryTripSupport world = new InMemoryTripSupport();
    final TripsService service = world.service;

    static TripDetails details(LocalDate start, LocalDate end) {
        return new TripDetails("Osaka customers", "Renewals", "Tokyo", List.of("Osaka"), start, end);
    }

    static VisitDetails visit(String company, LocalDateTime start) {
        return new VisitDetails(company, List.of(), "Osaka", start, Duration.ofMinutes(60), "", "");
    }

    Trip alicesTrip() { return service.create(new CreateTripCommand(ALICE, details(DEC_1, DEC_1.plusDays(2)))); }

    @Test void a_new_trip_is_planned_and_belongs_to_its_creator() {
        Trip trip = alicesTrip();

        assertThat(trip.status()).isEqualTo(TripStatus.PLANNED);
        assertThat(service.get(ALICE, trip.id())).isEqualTo(trip);
        assertThat(service.list(ALICE, Optional.empty(), PageRequest.first()).items()).containsExactly(trip);
    }

    @Test void a_deleted_trip_is_gone_and_only_its_owner_can_delete_it() {
        Trip trip = alicesTrip();

        assertThatThrownBy(() -> service.delete(BOB, trip.id())).isInstanceOf(TripNotFound.class);
        service.delete(ALICE, trip.id());

        assertThatThrownBy(() -> service.get(ALICE, trip.id())).isInstanceOf(TripNotFound.class);
        assertThatThrownBy(() -> service.delete(ALICE, trip.id())).isInstanceOf(TripNotFound.class);
    }

    @Test void a_deleted_trip_comes_back_as_it_was_when_its_owner_undoes_the_deletion() {
        Trip trip = alicesTrip();
        service.delete(ALICE, trip.id());

        assertThatThrownBy(() -> service.restore(BOB, trip.id())).isInstanceOf(TripNotFound.class);
        assertThat(service.restore(ALICE, trip.id())).isEqualTo(trip);
        assertThat(service.list(ALICE, Optional.empty(), PageRequest.first()).items()).containsExactly(trip);
        assertThatThrownBy(() -> service.restore(ALICE, trip.id())).as("not deleted any more").isInstanceOf(TripNotFound.class);
    }

    @Test void a_trip_deleted_longer_than_a_day_ago_is_gone_for_good_at_the_next_deletion() {
        Trip old = alicesTrip();
        service.delete(ALICE, old.id());
        var aDayLater = new TripsService(world.trips, world.visits, world.itineraries, world.plans, world.policy, world.travelTimes,
                java.time.Clock.offset(world.clock, Trip.RESTORABLE_FOR.plusMinutes(1)));

        aDayLater.delete(ALICE, alicesTrip().id());

        assertThat(world.trips.rows).doesNotContainKey(old.id());
        assertThatThrownBy(() -> service.restore(ALICE, old.id())).isInstanceOf(TripNotFound.class);
    }

    @Test void asking_again_with_the_same_request_token_yields_the_first_trip_not_a_second() {
        Trip first = service.create(new CreateTripCommand(ALICE, details(DEC_1, DEC_1), Optional.of("form-1")));
        Trip again = service.create(new CreateTripCommand(ALICE, details(DEC_1, DEC_1.plusDays(1)), Optional.of("form-1")));
        Trip bobs = service.create(new CreateTripCommand(BOB, details(DEC_1, DEC_1), Optional.of("form-1")));

        assertThat(again).isEqualTo(first);
        assertThat(bobs.id()).isNotEqualTo(first.id());
        assertThat(service.list(ALICE, Optional.empty(), PageRequest.first()).total()).isEqualTo(1);
        assertThatThrownBy(() -> new CreateTripCommand(ALICE, details(DEC_1, DEC_1), Optional.of("no spaces please")))
                .isInstanceOf(dev.concierge.domain.kernel.InvalidInput.class);
    }

    @Test void another_users_trip_does_not_exist_for_them() {
        Trip trip = alicesTrip();

        assertThatThrownBy(() -> service.get(BOB, trip.id())).isInstanceOf(TripNotFound.class);
        assertThatThrownBy(() -> service.update(new UpdateTripCommand(BOB, trip.id(), details(DEC_1, DEC_1), 0))).isInstanceOf(TripNotFound.class);
        assertThatThrownBy(() -> service.add(new AddVisitCommand(BOB, trip.id(), visit("Acme", DEC_1.atTime(10, 0))))).isInstanceOf(TripNotFound.class);
        assertThatThrownBy(() -> service.estimate(BOB, trip.id())).isInstanceOf(TripNotFound.class);
        assertThat(service.list(BOB, Optional.empty(), PageRequest.first()).items()).isEmpty();
    }

    @Test void an_update_based_on_an_old_version_is_a_conflict_and_changes_nothing() {
        Trip trip = alicesTrip();
        service.update(new UpdateTripCommand(ALICE, trip.id(), details(DEC_1, DEC_1.plusDays(3)), 0));

        assertThatThrownBy(() -> service.update(new UpdateTripCommand(ALICE, trip.id(), details(DEC_1, DEC_1), 0))).isInstanceOf(Conflict.class)
                .hasFieldOrPropertyWithValue("code", "stale");
        assertThat(service.get(ALICE, trip.id()).details().endDate()).isEqualTo(DEC_1.plusDays(3));
    }

    @Test void shortening_a_trip_so_a_visit_falls_outside_is_refused() {
        Trip trip = alicesTrip();
        service.add(new AddVisitCommand(ALICE, trip.id(), visit("Acme", DEC_1.plusDays(2).atTime(10, 0))));

        assertThatThrownBy(() -> service.update(new UpdateTripCommand(ALICE, trip.id(), details(DEC_1, DEC_1.plusDays(1)), 0)))
                .isInstanceOf(RuleViolated.class).hasFieldOrPropertyWithValue("code", "visit_outside_trip");
        assertThat(service.get(ALICE, trip.id()).version()).isZero();
    }

    @Test void shortening_a_trip_so_an_itinerary_item_falls_outside_is_refused() {
        Trip trip = alicesTrip();
        service.replace(new ReplaceItineraryCommand(ALICE, trip.id(), new Itinerary(List.of(new ItineraryItem(DEC_1.plusDays(2), LocalTime.NOON, Optional.empty(),
                ItineraryKind.MEETING, "Acme", "", "")), Itinerary.Source.USER)));

        assertThatThrownBy(() -> service.update(new UpdateTripCommand(ALICE, trip.id(), details(DEC_1, DEC_1.plusDays(1)), 0))).isInstanceOf(InvalidInput.class);
    }

    @Test void the_owner_cannot_approve_their_own_trip_and_it_never_goes_back_to_planned() {
        Trip trip = alicesTrip();

        assertThatThrownBy(() -> service.changeStatus(new ChangeTripStatusCommand(ALICE, trip.id(), TripStatus.APPROVED, 0)))
                .isInstanceOf(RuleViolated.class).hasFieldOrPropertyWithValue("code", "self_approval");
        Trip cancelled = service.changeStatus(new ChangeTripStatusCommand(ALICE, trip.id(), TripStatus.CANCELLED, 0));

        assertThat(cancelled.status()).isEqualTo(TripStatus.CANCELLED);
        assertThatThrownBy(() -> service.changeStatus(new ChangeTripStatusCommand(ALICE, trip.id(), TripStatus.PLANNED, cancelled.version())))
                .isInstanceOf(RuleViolated.class).hasFieldOrPropertyWithValue("code", "invalid_transition");
    }

    @Test void a_visit_outside_the_trip_is_refused_and_one_inside_is_added() {
        Trip trip = alicesTrip();

        assertThatThrownBy(() -> service.add(new AddVisitCommand(ALICE, trip.id(), visit("Early", DEC_1.minusDays(1).atTime(10, 0)))))
                .isInstanceOf(RuleViolated.class);
        CustomerVisit added = service.add(new AddVisitCommand(ALICE, trip.id(), visit("Acme", DEC_1.atTime(10, 0))));
        assertThat(service.schedule(ALICE, trip.id()).visits()).containsExactly(added);
    }

    @Test void a_closed_trip_takes_no_more_visits() {
        Trip trip = alicesTrip();
        service.changeStatus(new ChangeTripStatusCommand(ALICE, trip.id(), TripStatus.CANCELLED, 0));

        assertThatThrownBy(() -> service.add(new AddVisitCommand(ALICE, trip.id(), visit("Acme", DEC_1.atTime(10, 0)))))
                .isInstanceOf(RuleViolated.class).hasFieldOrPropertyWithValue("code", "trip_closed");
    }

    @Test void the_schedule_reports_overlapping_visits() {
        Trip trip = alicesTrip();
        CustomerVisit first = service.add(new AddVisitCommand(ALICE, trip.id(), visit("Acme", DEC_1.atTime(10, 0))));
        CustomerVisit second = service.add(new AddVisitCommand(ALICE, trip.id(), visit("Beta", DEC_1.atTime(10, 30))));
        service.add(new AddVisitCommand(ALICE, trip.id(), visit("Gamma", DEC_1.atTime(14, 0))));

        assertThat(service.schedule(ALICE, trip.id()).overlaps()).containsExactly(new VisitRules.Overlap(first.id(), second.id()));
    }

    @Test void moving_a_visit_keeps_its_details_and_checks_the_trip_dates() {
        Trip trip = alicesTrip();
        CustomerVisit visit = service.add(new AddVisitCommand(ALICE, trip.id(), visit("Acme", DEC_1.atTime(10, 0))));

        CustomerVisit moved = service.move(new MoveVisitCommand(ALICE, visit.id(), DEC_1.plusDays(1).atTime(15, 0)));

        assertThat(moved.details().startsAt()).isEqualTo(DEC_1.plusDays(1).atTime(15, 0));
        assertThat(moved.details().company()).isEqualTo("Acme");
        assertThatThrownBy(() -> service.move(new MoveVisitCommand(ALICE, visit.id(), DEC_1.plusDays(5).atTime(10, 0)))).isInstanceOf(RuleViolated.class);
    }

    @Test void a_visit_of_another_users_trip_does_not_exist_for_them() {
        CustomerVisit visit = service.add(new AddVisitCommand(ALICE, alicesTrip().id(), visit("Acme", DEC_1.atTime(10, 0))));

        assertThatThrownBy(() -> service.get(BOB, visit.id())).isInstanceOf(VisitNotFound.class);
        assertThatThrownBy(() -> service.setPreparationNotes(new SetPreparationNotesCommand(BOB, visit.id(), "x"))).isInstanceOf(VisitNotFound.class);
        assertThatThrownBy(() -> service.delete(BOB, visit.id())).isInstanceOf(VisitNotFound.class);
    }

    @Test void an_update_of_a_visit_from_an_old_version_is_a_conflict() {
        CustomerVisit visit = service.add(new AddVisitCommand(ALICE, alicesTrip().id(), visit("Acme", DEC_1.atTime(10, 0))));
        service.setPreparationNotes(new SetPreparationNotesCommand(ALICE, visit.id(), "Bring the contract"));

        assertThatThrownBy(() -> service.update(new UpdateVisitCommand(ALICE, visit.id(), visit("Acme KK", DEC_1.atTime(10, 0)), 0))).isInstanceOf(Conflict.class);
        assertThat(service.get(ALICE, visit.id()).preparationNotes()).contains("Bring the contract");
    }

    @Test void an_updated_visit_keeps_its_preparation_notes() {
        CustomerVisit visit = service.add(new AddVisitCommand(ALICE, alicesTrip().id(), visit("Acme", DEC_1.atTime(10, 0))));
        CustomerVisit noted = service.setPreparationNotes(new SetPreparationNotesCommand(ALICE, visit.id(), "Bring the contract"));

        CustomerVisit updated = service.update(new UpdateVisitCommand(ALICE, visit.id(), visit("Acme KK", DEC_1.atTime(11, 0)), noted.version()));

        assertThat(updated.preparationNotes()).contains("Bring the contract");
        assertThat(updated.details().company()).isEqualTo("Acme KK");
    }

    @Test void an_itinerary_with_a_day_outside_the_trip_is_refused_and_an_empty_one_is_the_default() {
        Trip trip = alicesTrip();

        assertThat(service.itinerary(ALICE, trip.id()).items()).isEmpty();
        assertThatThrownBy(() -> service.replace(new ReplaceItineraryCommand(ALICE, trip.id(), new Itinerary(List.of(new ItineraryItem(DEC_1.minusDays(1),
                LocalTime.NOON, Optional.empty(), ItineraryKind.TRANSPORT, "Early train", "", "")), Itinerary.Source.USER))))
                .isInstanceOf(InvalidInput.class);
        assertThat(world.itineraries.rows).isEmpty();
    }

    @Test void the_estimate_applies_the_policy_to_the_stored_plan() {
        Trip trip = alicesTrip();
        service.replacePlan(new ReplaceExpensePlanCommand(ALICE, trip.id(), new ExpensePlan(List.of(), List.of(new ExpensePlan.Lodging("Osaka", 2, 15_000)), List.of())));

        var estimate = service.estimate(ALICE, trip.id());

        assertThat(estimate.total()).isEqualTo(3 * 3_000 + 2 * 15_000);
        assertThat(estimate.violations()).extracting(v -> v.code()).containsExactly("lodging_over_cap");
        assertThat(service.policy()).isEqualTo(world.policy.policy());
    }

    @Test void a_cancelled_trip_keeps_its_plan_unchanged() {
        Trip trip = alicesTrip();
        service.changeStatus(new ChangeTripStatusCommand(ALICE, trip.id(), TripStatus.CANCELLED, 0));

        assertThatThrownBy(() -> service.replacePlan(new ReplaceExpensePlanCommand(ALICE, trip.id(), ExpensePlan.empty()))).isInstanceOf(RuleViolated.class);
        assertThat(service.plan(ALICE, trip.id())).isEqualTo(ExpensePlan.empty());
        assertThat(world.plans.rows).isEmpty();
    }
}
