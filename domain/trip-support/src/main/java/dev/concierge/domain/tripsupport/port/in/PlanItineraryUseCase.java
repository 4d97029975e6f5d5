package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.TripId;

public interface PlanItineraryUseCase {
    /** The trip's itinerary; empty when nothing is planned yet. */
    Itinerary itinerary(UserId owner, TripId trip);

    /** Replaces the itinerary; every item must fall on a day of the trip. */
    Itinerary replace(ReplaceItineraryCommand command);
}
