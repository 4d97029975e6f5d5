package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;

import java.util.Optional;

/** A user's own trips; another user's trip does not exist for them. */
public interface ManageTripsUseCase {
    Trip create(CreateTripCommand command);

    Trip get(UserId owner, TripId id);

    Page<Trip> list(UserId owner, Optional<TripStatus> status, PageRequest page);

    /** New details; visits must still fall inside the new dates. */
    Trip update(UpdateTripCommand command);

    Trip changeStatus(ChangeTripStatusCommand command);

    /**
     * Deletes the trip with its visits, itinerary, expense plan and conversations. It can be restored for a day
     * ({@link #restore}); then it is gone for good.
     */
    void delete(UserId owner, TripId id);

    /** Undoes a deletion: the trip comes back as it was. @throws dev.concierge.domain.tripsupport.model.TripNotFound when it is not a deleted trip of this owner */
    Trip restore(UserId owner, TripId id);
}
