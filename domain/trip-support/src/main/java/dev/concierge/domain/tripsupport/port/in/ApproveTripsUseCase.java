package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.List;

/** Approval by someone else: submit, decide, the history, and the notifications it causes. */
public interface ApproveTripsUseCase {
    /** Freezes the estimate with the justifications and sends the trip to its approvers. */
    ApprovalRequest submit(SubmitTripCommand command);

    ApprovalRequest decide(DecideApprovalCommand command);

    /** For the submitter or an approver of it. */
    ApprovalRequest get(Actor actor, ApprovalId id);

    /** Requests waiting for this approver's decision. */
    Page<ApprovalRequest> pending(Actor approver, PageRequest page);

    /** Requests this approver decided, the latest first: where the approver finds the report after the trip. */
    Page<ApprovalRequest> decided(Actor approver, PageRequest page);

    /** Every submission of the owner's trip with its decision, oldest first. */
    List<ApprovalRequest> history(UserId owner, TripId trip);

    Page<Notification> notifications(UserId user, PageRequest page);

    long unreadNotifications(UserId user);

    void markRead(UserId user, long notification);
}
