package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitRules;

import java.time.LocalDateTime;
import java.util.List;

public interface ManageVisitsUseCase {
    /** The trip's visits and every overlap among them. */
    record Schedule(List<CustomerVisit> visits, List<VisitRules.Overlap> overlaps) {
        /** {@code visits} in schedule order, as a trip's repository lists them. */
        public static Schedule of(List<CustomerVisit> visits) { return new Schedule(visits, VisitRules.overlaps(visits)); }
    }

    Schedule schedule(UserId owner, TripId trip);

    /**
     * The schedule of a trip the caller has just read through {@link ManageTripsUseCase#get}, which checked its owner:
     * saves reading the trip a second time.
     */
    Schedule schedule(Trip trip);

    CustomerVisit add(AddVisitCommand command);

    CustomerVisit update(UpdateVisitCommand command);

    /** The same visit at another time (inside the trip). */
    CustomerVisit move(MoveVisitCommand command);

    CustomerVisit get(UserId owner, VisitId visit);

    void delete(UserId owner, VisitId visit);

    CustomerVisit setPreparationNotes(SetPreparationNotesCommand command);
}
