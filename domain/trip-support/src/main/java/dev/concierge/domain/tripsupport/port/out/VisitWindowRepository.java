package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitWindow;

import java.util.Map;
import java.util.Optional;

/** The time windows of visits; a visit's window goes when the visit does. */
public interface VisitWindowRepository {
    Optional<VisitWindow> find(VisitId visit);

    /** Every visit of the trip that has a window. */
    Map<VisitId, VisitWindow> forTrip(TripId trip);

    /** Sets the window, or removes it when empty. */
    void save(VisitId visit, Optional<VisitWindow> window);
}
