package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CheckedItinerary;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.TripId;

public interface PlanItineraryUseCase {
    /** The trip's itinerary; empty when nothing is planned yet. */
    Itinerary itinerary(UserId owner, TripId trip);

    /**
     * The trip's itinerary with what the itinerary rules find in it now: judged on reading, since a visit moved or
     * added after the save can break an itinerary that kept every rule when it was saved.
     */
    CheckedItinerary checkedItinerary(UserId owner, TripId trip);

    /**
     * Replaces the itinerary; every item must fall on a day of the trip. The other itinerary rules (the same as for an
     * assistant's draft) are answered as warnings with the saved itinerary, never refusing it.
     */
    CheckedItinerary replace(ReplaceItineraryCommand command);
}
