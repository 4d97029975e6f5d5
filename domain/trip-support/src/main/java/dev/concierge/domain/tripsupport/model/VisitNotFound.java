package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.NotFound;

public final class VisitNotFound extends NotFound {
    public VisitNotFound(VisitId id) { super("Visit " + id + " does not exist."); }
}
