package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DayRoute;
import dev.concierge.domain.tripsupport.model.RoutePlanner;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitWindow;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.MoveVisitCommand;
import dev.concierge.domain.tripsupport.port.in.PlanDayRouteUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanRouteCommand;
import dev.concierge.domain.tripsupport.port.in.SetVisitWindowCommand;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.VisitWindowRepository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the day's visits and windows through the owner-scoped use cases, asks the planner, moves visits on apply. */
public final class DayRouteService implements PlanDayRouteUseCase {
    private final ManageTripsUseCase trips;
    private final ManageVisitsUseCase visits;
    private final VisitWindowRepository windows;
    private final TravelTimes travelTimes;

    public DayRouteService(ManageTripsUseCase trips, ManageVisitsUseCase visits, VisitWindowRepository windows, TravelTimes travelTimes) {
        this.trips = trips;
        this.visits = visits;
        this.windows = windows;
        this.travelTimes = travelTimes;
    }

    @Override public DayRoute route(PlanRouteCommand command) {
        Trip trip = trips.get(command.owner(), command.trip());
        RoutePlanner.Day day = command.day();
        if (!trip.details().covers(day.date())) {
            throw InvalidInput.field("date", Validation.OUTSIDE, trip.details().startDate(), trip.details().endDate());
        }
        Map<VisitId, VisitWindow> known = windows.forTrip(trip.id());
        List<RoutePlanner.Stop> stops = visits.schedule(trip).visits().stream()
                .filter(v -> v.details().startsAt().toLocalDate().equals(day.date()))
                .map(v -> new RoutePlanner.Stop(v.id(), v.details().location(), v.details().duration(), Optional.ofNullable(known.get(v.id()))))
                .toList();
        return RoutePlanner.plan(day, stops, travelTimes::between);
    }

    @Override public DayRoute apply(PlanRouteCommand command) {
        trips.get(command.owner(), command.trip()).requireEditable();
        DayRoute route = route(command);
        for (DayRoute.Leg leg : route.legs()) {
            CustomerVisit visit = visits.get(command.owner(), leg.visit());
            var planned = route.date().atTime(leg.start());
            if (!visit.details().startsAt().equals(planned)) visits.move(new MoveVisitCommand(command.owner(), leg.visit(), planned));
        }
        return route;
    }

    @Override public Optional<VisitWindow> window(UserId owner, VisitId visit) {
        visits.get(owner, visit); // another user's visit does not exist
        return windows.find(visit);
    }

    @Override public Map<VisitId, VisitWindow> windows(UserId owner, TripId trip) {
        trips.get(owner, trip);
        return windows.forTrip(trip);
    }

    @Override public Optional<VisitWindow> setWindow(SetVisitWindowCommand command) {
        CustomerVisit visit = visits.get(command.owner(), command.visit());
        trips.get(command.owner(), visit.trip()).requireEditable();
        windows.save(visit.id(), command.window());
        return command.window();
    }
}
