package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.NotFound;

public final class TripNotFound extends NotFound {
    public TripNotFound(TripId id) { super("Trip " + id + " does not exist."); }
}
