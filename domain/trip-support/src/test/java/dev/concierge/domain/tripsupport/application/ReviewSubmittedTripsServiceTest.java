package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ActualExpense;
import dev.concierge.domain.tripsupport.model.ActualExpenseDetails;
import dev.concierge.domain.tripsupport.model.ApprovalNotFound;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.DayRoute;
import dev.concierge.domain.tripsupport.model.RoutePlanner;
import dev.concierge.domain.tripsupport.model.TravelTime;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.port.in.AddVisitCommand;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.DecideApprovalCommand;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpenseCommand;
import dev.concierge.domain.tripsupport.port.in.SubmitTripCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewSubmittedTripsServiceTest {
    static final UserId ALICE = new UserId("alice");
    static final Actor ALICE_ACTOR = new Actor(ALICE, Set.of("sales"));
    static final Actor BOB = new Actor(new UserId("bob"), Set.of("trip-approvers"));
    static final Actor CAROL = new Actor(new UserId("carol"), Set.of("sales"));
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    final InMemoryTripSupport world = new InMemoryTripSupport();
    final DayRouteService routes = new DayRouteService(world.service, world.service, new DayRouteServiceTest.Windows(),
            (from, to) -> from.equals(to) ? TravelTime.none() : new TravelTime(Duration.ofMinutes(20), TravelTime.Basis.TABLE));
    final ActualExpensesService expenses = new ActualExpensesService(world.service, world.service, new ActualExpensesServiceTest.Expenses(),
            new ActualExpensesServiceTest.Files(), world.clock);
    final ReviewSubmittedTripsService review = new ReviewSubmittedTripsService(world.approvals, world.service, world.service, routes, expenses);

    final Trip trip = world.service.create(new CreateTripCommand(ALICE, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), DEC_1, DEC_1.plusDays(1))));

    {
        world.service.add(new AddVisitCommand(ALICE, trip.id(), new VisitDetails("Acme", List.of(), "Namba", LocalDateTime.of(DEC_1, LocalTime.of(14, 0)),
                Duration.ofMinutes(60), "", "")));
        world.service.add(new AddVisitCommand(ALICE, trip.id(), new VisitDetails("Globex", List.of(), "Umeda", LocalDateTime.of(DEC_1, LocalTime.of(10, 0)),
                Duration.ofMinutes(60), "", "")));
    }

    final ApprovalRequest request = world.approving.submit(new SubmitTripCommand(ALICE, trip.id(), world.service.get(ALICE, trip.id()).version(), Map.of()));

    static RoutePlanner.Day firstDay() { return new RoutePlanner.Day(DEC_1, Optional.of("Umeda"), LocalTime.of(9, 0), LocalTime.of(18, 0)); }

    @Test void the_approver_reads_the_trip_its_visits_and_the_days_route_through_the_request() {
        DayRoute route = review.route(BOB, request.id(), firstDay());

        assertThat(review.trip(BOB, request.id()).id()).isEqualTo(trip.id());
        assertThat(review.visits(BOB, request.id())).hasSize(2);
        assertThat(route.legs()).hasSize(2);
        assertThat(route.legs().getFirst().start()).isEqualTo(LocalTime.of(9, 0)); // Globex at Umeda first, no travel
    }

    @Test void after_the_trip_the_approver_who_decided_reads_the_actual_against_estimate_report() {
        world.approving.decide(new DecideApprovalCommand(BOB, request.id(), ApprovalRequest.Outcome.APPROVED, ""));
        ActualExpense taxi = expenses.record(new RecordActualExpenseCommand(ALICE, trip.id(),
                new ActualExpenseDetails(DEC_1, dev.concierge.domain.tripsupport.model.ExpenseEstimate.Category.TRANSPORT, "Taxi", "", 2_400,
                        OptionalInt.empty(), OptionalInt.empty())));

        assertThat(review.report(BOB, request.id()).expenses()).extracting(ActualExpense::id).containsExactly(taxi.id());
        assertThat(world.approving.decided(BOB, new PageRequest(10, 0)).items()).extracting(ApprovalRequest::id).containsExactly(request.id());
        assertThat(world.approving.decided(CAROL, new PageRequest(10, 0)).items()).isEmpty();
    }

    @Test void the_submitter_reads_the_same_through_the_request() {
        assertThat(review.report(ALICE_ACTOR, request.id()).expenses()).isEmpty();
        assertThat(review.route(ALICE_ACTOR, request.id(), firstDay()).legs()).hasSize(2);
    }

    @Test void someone_who_is_neither_the_submitter_nor_an_approver_is_told_the_request_does_not_exist() {
        assertThatThrownBy(() -> review.report(CAROL, request.id())).isInstanceOf(ApprovalNotFound.class);
        assertThatThrownBy(() -> review.route(CAROL, request.id(), firstDay())).isInstanceOf(ApprovalNotFound.class);
        assertThatThrownBy(() -> review.trip(CAROL, request.id())).isInstanceOf(ApprovalNotFound.class);
        assertThatThrownBy(() -> review.visits(CAROL, request.id())).isInstanceOf(ApprovalNotFound.class);
    }
}
