package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.RoutePlanner;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.Objects;

/** Order the visits of one day of a trip; the day must be one of the trip's. */
public record PlanRouteCommand(UserId owner, TripId trip, RoutePlanner.Day day) {
    public PlanRouteCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(day, "day");
    }
}
