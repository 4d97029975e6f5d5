package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;

import java.util.Objects;

/** An approver approves or rejects a submitted trip, with a comment (required to reject). */
public record DecideApprovalCommand(Actor approver, ApprovalId approval, ApprovalRequest.Outcome outcome, String comment) {
    public DecideApprovalCommand {
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(outcome, "outcome");
        comment = comment == null ? "" : comment.strip();
        new Validation().maxLength("comment", comment, ApprovalRequest.MAX_COMMENT).throwIfInvalid();
    }
}
