package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** One submission of a trip and, once someone else decided it, the decision. Kept for good: the approval history. */
public record ApprovalRequest(ApprovalId id, Submission submission, Optional<Decision> decision) {
    public static final int MAX_COMMENT = 2_000;

    public ApprovalRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(decision, "decision");
    }

    public enum Outcome {
        APPROVED, REJECTED;

        public String wireName() { return name().toLowerCase(Locale.ROOT); }

        public static Outcome parse(String value) {
            for (Outcome o : values()) if (o.wireName().equals(value)) return o;
            throw InvalidInput.field("outcome", Validation.ONE_OF, "approved, rejected");
        }
    }

    /** Who decided, how, when and why; the estimate they decided on is the submission's frozen one. */
    public record Decision(Outcome outcome, UserId by, Instant at, String comment) {
        public Decision {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            comment = comment == null ? "" : comment.strip();
        }
    }

    public boolean pending() { return decision.isEmpty(); }

    /** The submitter and the approvers see it; for anyone else it does not exist. */
    public boolean visibleTo(Actor actor) { return actor.user().equals(submission.submitter()) || submission.approvers().include(actor); }

    /**
     * The decision of {@code actor}: never the submitter's own (self-approval), only an approver's, once, and a
     * rejection says why.
     */
    public Decision decide(Actor actor, Outcome outcome, String comment, Instant at) {
        if (actor.user().equals(submission.submitter())) {
            throw new RuleViolated("self_approval", "You submitted this trip; someone else must approve or reject it.");
        }
        if (!submission.approvers().include(actor)) throw new ApprovalNotFound(id);
        if (!pending()) {
            throw new Conflict("already_decided", "Approval request " + id + " was already " + decision.get().outcome().wireName() + ".");
        }
        String text = comment == null ? "" : comment.strip();
        Validation problems = new Validation();
        if (outcome == Outcome.REJECTED && text.isEmpty()) problems.add("comment", Validation.REQUIRED);
        if (Validation.length(text) > MAX_COMMENT) problems.add("comment", Validation.TOO_LONG, MAX_COMMENT);
        problems.throwIfInvalid();
        return new Decision(outcome, actor.user(), at, text);
    }

    public ApprovalRequest with(Decision made) { return new ApprovalRequest(id, submission, Optional.of(made)); }
}
