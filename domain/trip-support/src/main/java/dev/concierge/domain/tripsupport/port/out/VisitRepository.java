package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;

import java.util.List;
import java.util.Optional;

public interface VisitRepository {
    CustomerVisit add(TripId trip, VisitDetails details);

    Optional<CustomerVisit> find(VisitId id);

    /** The trip's visits in time order. */
    List<CustomerVisit> forTrip(TripId trip);

    /** Optimistic like {@link TripRepository#save}. */
    CustomerVisit save(CustomerVisit visit);

    boolean delete(VisitId id);
}
