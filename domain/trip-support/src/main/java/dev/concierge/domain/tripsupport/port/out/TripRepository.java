package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;

import java.time.Instant;
import java.util.Optional;

public interface TripRepository {
    Trip create(UserId owner, TripDetails details, Instant at);

    Optional<Trip> find(TripId id);

    /** The owner's trips, soonest start first, optionally of one status. */
    Page<Trip> list(UserId owner, Optional<TripStatus> status, PageRequest page);

    /** Optimistic: @throws dev.concierge.domain.kernel.Conflict code {@code stale} when the version moved on. Returns the next version. */
    Trip save(Trip trip);

    /** Deletes the trip and everything that belongs to it (visits, itinerary, plan, conversations). */
    void delete(TripId id);
}
