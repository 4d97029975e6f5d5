package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.Optional;

public interface ItineraryRepository {
    Optional<Itinerary> find(TripId trip);

    void save(TripId trip, Itinerary itinerary);
}
