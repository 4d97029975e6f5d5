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
    /** A new trip; with a {@code requestToken} this owner created a trip with before, that trip (deleted or not) instead. */
    Trip create(UserId owner, TripDetails details, Optional<String> requestToken, Instant at);

    Optional<Trip> find(TripId id);

    /** The owner's trips, soonest start first, optionally of one status. */
    Page<Trip> list(UserId owner, Optional<TripStatus> status, PageRequest page);

    /** Optimistic: @throws dev.concierge.domain.kernel.Conflict code {@code stale} when the version moved on. Returns the next version. */
    Trip save(Trip trip);

    /**
     * Hides the trip as deleted at {@code at} (no longer found or listed), and removes for good, with everything that
     * belongs to them, the trips deleted before {@code purgeBefore}.
     */
    void delete(TripId id, Instant at, Instant purgeBefore);

    /** Brings back a deleted trip of {@code owner}; false when there is none. */
    boolean restore(TripId id, UserId owner);
}
