package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DayRoute;
import dev.concierge.domain.tripsupport.model.RoutePlanner;
import dev.concierge.domain.tripsupport.model.TravelTime;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitNotFound;
import dev.concierge.domain.tripsupport.model.VisitWindow;
import dev.concierge.domain.tripsupport.port.in.AddVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ChangeTripStatusCommand;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.PlanRouteCommand;
import dev.concierge.domain.tripsupport.port.in.SetVisitWindowCommand;
import dev.concierge.domain.tripsupport.port.out.VisitWindowRepository;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayRouteServiceTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    final InMemoryTripSupport world = new InMemoryTripSupport();
    final Windows windows = new Windows();
    /** Umeda and Namba are 20 minutes apart; anything else is 0 (the same place). */
    final DayRouteService routes = new DayRouteService(world.service, world.service, windows,
            (from, to) -> from.equals(to) ? TravelTime.none() : new TravelTime(Duration.ofMinutes(20), TravelTime.Basis.TABLE));

    static final class Windows implements VisitWindowRepository {
        final Map<VisitId, VisitWindow> rows = new HashMap<>();

        @Override public Optional<VisitWindow> find(VisitId visit) { return Optional.ofNullable(rows.get(visit)); }

        @Override public Map<VisitId, VisitWindow> forTrip(TripId trip) { return Map.copyOf(rows); }

        @Override public void save(VisitId visit, Optional<VisitWindow> window) {
            window.ifPresentOrElse(w -> rows.put(visit, w), () -> rows.remove(visit));
        }
    }

    Trip trip() {
        return world.service.create(new CreateTripCommand(ALICE, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), DEC_1, DEC_1.plusDays(1))));
    }

    CustomerVisit visit(Trip trip, String place, LocalDateTime start) {
        return world.service.add(new AddVisitCommand(ALICE, trip.id(),
                new VisitDetails("Acme", List.of(), place, start, Duration.ofMinutes(60), "", "")));
    }

    PlanRouteCommand day(Trip trip, LocalDate date) {
        return new PlanRouteCommand(ALICE, trip.id(), new RoutePlanner.Day(date, Optional.of("Umeda"), LocalTime.of(9, 0), LocalTime.of(18, 0)));
    }

    @Test void only_the_visits_of_that_day_are_routed_and_their_windows_apply() {
        Trip trip = trip();
        CustomerVisit late = visit(trip, "Namba", DEC_1.atTime(9, 0));
        CustomerVisit early = visit(trip, "Umeda", DEC_1.atTime(15, 0));
        visit(trip, "Namba", DEC_1.plusDays(1).atTime(10, 0));
        routes.setWindow(new SetVisitWindowCommand(ALICE, late.id(), Optional.of(new VisitWindow(LocalTime.of(13, 0), LocalTime.of(17, 0)))));

        DayRoute route = routes.route(day(trip, DEC_1));

        assertThat(route.legs()).extracting(DayRoute.Leg::visit).containsExactly(early.id(), late.id());
        assertThat(route.legs().get(1).start()).isEqualTo(LocalTime.of(13, 0));
    }

    @Test void applying_the_route_moves_each_visit_to_its_planned_start() {
        Trip trip = trip();
        CustomerVisit a = visit(trip, "Namba", DEC_1.atTime(9, 0));
        CustomerVisit b = visit(trip, "Umeda", DEC_1.atTime(15, 0));

        routes.apply(day(trip, DEC_1));

        assertThat(world.service.get(ALICE, b.id()).details().startsAt()).isEqualTo(DEC_1.atTime(9, 0));
        assertThat(world.service.get(ALICE, a.id()).details().startsAt()).isEqualTo(DEC_1.atTime(10, 20));
    }

    @Test void a_day_outside_the_trip_is_refused() {
        Trip trip = trip();
        assertThatThrownBy(() -> routes.route(day(trip, DEC_1.plusDays(5)))).isInstanceOf(InvalidInput.class);
    }

    @Test void another_users_trip_and_visit_windows_do_not_exist_for_them() {
        Trip trip = trip();
        CustomerVisit a = visit(trip, "Namba", DEC_1.atTime(9, 0));
        assertThatThrownBy(() -> routes.window(BOB, a.id())).isInstanceOf(VisitNotFound.class);
        assertThatThrownBy(() -> routes.setWindow(new SetVisitWindowCommand(BOB, a.id(), Optional.empty()))).isInstanceOf(VisitNotFound.class);
    }

    @Test void a_closed_trip_takes_no_new_window_and_no_applied_route() {
        Trip trip = trip();
        CustomerVisit a = visit(trip, "Namba", DEC_1.atTime(9, 0));
        world.service.changeStatus(new ChangeTripStatusCommand(ALICE, trip.id(), TripStatus.CANCELLED, trip.version()));

        assertThatThrownBy(() -> routes.setWindow(new SetVisitWindowCommand(ALICE, a.id(), Optional.empty()))).isInstanceOf(RuleViolated.class);
        assertThatThrownBy(() -> routes.apply(day(trip, DEC_1))).isInstanceOf(RuleViolated.class);
    }

    @Test void a_window_is_removed_by_setting_none() {
        Trip trip = trip();
        CustomerVisit a = visit(trip, "Namba", DEC_1.atTime(9, 0));
        routes.setWindow(new SetVisitWindowCommand(ALICE, a.id(), Optional.of(new VisitWindow(LocalTime.of(13, 0), LocalTime.of(17, 0)))));
        routes.setWindow(new SetVisitWindowCommand(ALICE, a.id(), Optional.empty()));
        assertThat(routes.window(ALICE, a.id())).isEmpty();
    }
}
