package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A test case and where its procedure stands. Every change of state goes through a method here that checks the
 * lifecycle (draft → queued → generating → generated → approved, failed on give-up) and returns the new state;
 * {@code version} lets the repository refuse a change based on a stale read.
 */
public record TestCase(TestCaseId id, SuiteId suite, TestCaseContent content, CaseStatus status,
                       Optional<ProcedureRevision> procedure, Optional<String> failureReason,
                       Optional<String> reviewerFeedback, long version, Instant updatedAt) {
    public static final int MAX_REASON = 2_000;
    /** The feedback kept when a reviewer rejects without a reason; it is also what the model is told. */
    public static final String REJECTED_WITHOUT_REASON = "Rejected by the reviewer.";

    public TestCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(reviewerFeedback, "reviewerFeedback");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    private static final Set<CaseStatus> QUEUEABLE = EnumSet.of(CaseStatus.DRAFT, CaseStatus.GENERATED, CaseStatus.FAILED);
    private static final Set<CaseStatus> CONTENT_EDITABLE = EnumSet.of(CaseStatus.DRAFT, CaseStatus.GENERATED, CaseStatus.FAILED);

    public boolean queueable() { return QUEUEABLE.contains(status); }

    /** Whether its wording (and an imported procedure) may change now: not while the model works on it, not once approved. */
    public boolean contentEditable() { return CONTENT_EDITABLE.contains(status); }

    /** Ask for a (new) procedure. From generated this is "regenerate"; an approved case must be reopened first. */
    public TestCase queue(Instant at) {
        if (status == CaseStatus.APPROVED) throw refused("approved_locked", "is approved; reopen it before regenerating");
        if (!queueable()) throw refused("already_queued", "is already " + status.wireName());
        return with(CaseStatus.QUEUED, procedure, Optional.empty(), reviewerFeedback, at);
    }

    /** A worker took the job. Only a queued case can start, which makes a second run of the same job a no-op. */
    public TestCase startGenerating(Instant at) {
        if (status != CaseStatus.QUEUED) throw refused("not_queued", "is " + status.wireName() + ", not queued");
        return with(CaseStatus.GENERATING, procedure, Optional.empty(), reviewerFeedback, at);
    }

    /** The model's procedure becomes the next revision. */
    public TestCase generated(Procedure generated, Instant at) { return generated(generated, Optional.empty(), at); }

    /** The model's procedure becomes the next revision, recording how it was made. */
    public TestCase generated(Procedure generated, Optional<Provenance> provenance, Instant at) {
        if (status != CaseStatus.GENERATING) throw refused("not_generating", "is " + status.wireName() + ", not generating");
        ProcedureRevision revision = nextRevision(generated, RevisionKind.GENERATED, Optional.empty(), at, provenance);
        return with(CaseStatus.GENERATED, Optional.of(revision), Optional.empty(), Optional.empty(), at);
    }

    /** Generation gave up; the case keeps the reason's code, which a page words for the person who decides what to do. */
    public TestCase generationFailed(GenerationFailure reason, Instant at) {
        if (status != CaseStatus.GENERATING && status != CaseStatus.QUEUED) {
            throw refused("not_generating", "is " + status.wireName() + ", not generating");
        }
        return with(CaseStatus.FAILED, procedure, Optional.of(reason.wireName()), reviewerFeedback, at);
    }

    /** The code of {@link #failureReason()}, when it is one (reasons stored before codes were free text). */
    public Optional<GenerationFailure> failure() { return failureReason.flatMap(GenerationFailure::parse); }

    /** The model was unavailable: the case waits in the queue again until its job is retried. */
    public TestCase requeued(Instant at) {
        if (status != CaseStatus.GENERATING) throw refused("not_generating", "is " + status.wireName() + ", not generating");
        return with(CaseStatus.QUEUED, procedure, Optional.empty(), reviewerFeedback, at);
    }

    /** A queued job was cancelled before it ran: back to where the case was. */
    public TestCase dequeued(Instant at) {
        if (status != CaseStatus.QUEUED) throw refused("not_queued", "is " + status.wireName() + ", not queued");
        return with(procedure.isPresent() ? CaseStatus.GENERATED : CaseStatus.DRAFT, procedure, Optional.empty(), reviewerFeedback, at);
    }

    /**
     * Whether a person may change the procedure by hand: a generated one, and one a reviewer rejected or whose
     * regeneration failed (the last procedure is still there to fix).
     */
    public boolean procedureEditable() {
        return procedure.isPresent() && (status == CaseStatus.GENERATED || status == CaseStatus.DRAFT || status == CaseStatus.FAILED);
    }

    /** A person's edit of a procedure: a new revision saying what changed, ready for review again. */
    public TestCase edit(Procedure edited, UserId editor, Instant at) {
        if (status == CaseStatus.APPROVED) throw refused("approved_locked", "is approved; reopen it to change the procedure");
        if (!procedureEditable()) throw refused("no_procedure_to_edit", "is " + status.wireName() + "; only a generated procedure can be edited");
        if (status == CaseStatus.GENERATED && procedure.map(p -> p.procedure().equals(edited)).orElse(false)) return this;
        ProcedureRevision revision = nextRevision(edited, RevisionKind.EDITED, Optional.of(editor.value()), at);
        return with(CaseStatus.GENERATED, Optional.of(revision), Optional.empty(), reviewerFeedback, at);
    }

    /**
     * Steps brought in by an import (from TestRail, Xray): the next revision, written by the person who imported
     * them, ready for review. Not while the model works on the case or once it is approved.
     */
    public TestCase imported(Procedure steps, UserId importer, Instant at) {
        if (!CONTENT_EDITABLE.contains(status)) throw refused("content_locked", "is " + status.wireName() + "; its procedure cannot change now");
        if (procedure.map(p -> p.procedure().equals(steps)).orElse(false)) return this;
        ProcedureRevision revision = nextRevision(steps, RevisionKind.EDITED, Optional.of(importer.value()), at);
        return with(CaseStatus.GENERATED, Optional.of(revision), Optional.empty(), reviewerFeedback, at);
    }

    public TestCase approve(UserId approver, Instant at) {
        if (status != CaseStatus.GENERATED) throw refused("not_generated", "is " + status.wireName() + "; only a generated procedure can be approved");
        return with(CaseStatus.APPROVED, procedure, Optional.empty(), Optional.empty(), at);
    }

    /** The reviewer's reason is kept and given to the model when the case is regenerated. */
    public TestCase reject(String reason, Instant at) {
        if (status != CaseStatus.GENERATED) throw refused("not_generated", "is " + status.wireName() + "; only a generated procedure can be rejected");
        String feedback = reason == null || reason.isBlank() ? REJECTED_WITHOUT_REASON : truncate(reason.strip());
        return with(CaseStatus.DRAFT, procedure, Optional.empty(), Optional.of(feedback), at);
    }

    public TestCase reopen(Instant at) {
        if (status != CaseStatus.APPROVED) throw refused("not_approved", "is " + status.wireName() + "; only an approved case can be reopened");
        return with(CaseStatus.GENERATED, procedure, Optional.empty(), reviewerFeedback, at);
    }

    /** New wording from the QA engineer (or a re-import). Not while the model is working on it or once approved. */
    public TestCase withContent(TestCaseContent newContent, Instant at) {
        if (!newContent.key().equals(content.key())) throw refused("key_immutable", "keeps its key; create a new case for a new key");
        if (!CONTENT_EDITABLE.contains(status)) throw refused("content_locked", "is " + status.wireName() + "; its wording cannot change now");
        if (newContent.equals(content)) return this;
        return new TestCase(id, suite, newContent, status, procedure, failureReason, reviewerFeedback, version, at);
    }

    private ProcedureRevision nextRevision(Procedure next, RevisionKind kind, Optional<String> author, Instant at) {
        return nextRevision(next, kind, author, at, Optional.empty());
    }

    private ProcedureRevision nextRevision(Procedure next, RevisionKind kind, Optional<String> author, Instant at,
                                           Optional<Provenance> provenance) {
        int number = procedure.map(ProcedureRevision::number).orElse(0) + 1;
        RevisionChange change = procedure.map(previous -> RevisionChange.between(previous.procedure(), next))
                .orElseGet(() -> RevisionChange.firstOf(next));
        return new ProcedureRevision(number, next, kind, author, at, change, provenance);
    }

    private TestCase with(CaseStatus newStatus, Optional<ProcedureRevision> newProcedure, Optional<String> newFailure,
                          Optional<String> newFeedback, Instant at) {
        return new TestCase(id, suite, content, newStatus, newProcedure, newFailure, newFeedback, version, at);
    }

    private RuleViolated refused(String code, String why) {
        return new RuleViolated(code, "Test case " + content.key() + " " + why + ".");
    }

    private static String truncate(String text) { return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…"; }
}
