package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.NotFound;

/** No such approval request, or the caller neither submitted it nor may decide it. */
public final class ApprovalNotFound extends NotFound {
    public ApprovalNotFound(ApprovalId id) { super("Approval request " + id + " does not exist."); }
}
