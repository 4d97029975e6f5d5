package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.Submission;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.List;
import java.util.Optional;

/** Approval requests and their decisions, kept as the history of who did what and when. */
public interface ApprovalRepository {
    ApprovalRequest add(Submission submission);

    Optional<ApprovalRequest> find(ApprovalId id);

    /** Every request of a trip, oldest first. */
    List<ApprovalRequest> forTrip(TripId trip);

    /** Undecided requests {@code approver} may decide (their group or the manager named), not their own; oldest first. */
    Page<ApprovalRequest> pendingFor(Actor approver, PageRequest page);

    /** Requests {@code approver} decided, the latest decision first (for the report after the trip). */
    Page<ApprovalRequest> decidedBy(dev.concierge.domain.kernel.UserId approver, PageRequest page);

    /** Records the decision if the request is still undecided; false when someone decided it first. */
    boolean decide(ApprovalId id, ApprovalRequest.Decision decision);
}
