package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.Objects;

/** A trip's whole itinerary, replacing the one before; every item must fall on a day of the trip. */
public record ReplaceItineraryCommand(UserId owner, TripId trip, Itinerary itinerary) {
    public ReplaceItineraryCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(itinerary, "itinerary");
    }
}
