package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.NotFound;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.StepReview;
import dev.concierge.domain.testcasegeneration.model.StepVerdict;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.ProcedureQuality;
import dev.concierge.domain.testcasegeneration.port.in.EditStepCommand;
import dev.concierge.domain.testcasegeneration.port.in.ReviewStepsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.StepCommand;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureQualityRepository;
import dev.concierge.domain.testcasegeneration.port.out.StepRewriter;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;
import dev.concierge.domain.testcasegeneration.port.out.Transactions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** One step at a time: accept it, rewrite it, or have the model rewrite it; the other steps stay as they are. */
public final class StepReviewService implements ReviewStepsUseCase {
    /** (step, steps): the procedure has no such step. */
    public static final String NO_SUCH_STEP = "no_such_step";
    /** (): the model kept answering unusable steps; the procedure is unchanged. */
    public static final String STEP_NOT_REWRITTEN = "step_not_rewritten";
    /** (): the case has no procedure yet. */
    public static final String NO_PROCEDURE = "no_procedure";

    private final TestCaseRepository cases;
    private final ProcedureQualityRepository qualities;
    private final StepRewriter rewriter;
    private final RevisionChecks checks;
    private final Transactions transactions;
    private final SuiteAccess access;
    private final Clock clock;

    public StepReviewService(SuiteRepository suites, TestCaseRepository cases, ProcedureQualityRepository qualities, StepRewriter rewriter,
                             RevisionChecks checks, Transactions transactions, Clock clock) {
        this.cases = cases;
        this.qualities = qualities;
        this.rewriter = rewriter;
        this.checks = checks;
        this.transactions = transactions;
        this.access = new SuiteAccess(suites, cases);
        this.clock = clock;
    }

    @Override public ProcedureQuality quality(Actor actor, TestCaseId id) {
        TestCase testCase = access.testCase(actor, id);
        return checks.quality(testCase, current(testCase));
    }

    @Override public ProcedureQuality quality(Actor actor, TestCaseId id, int revision) {
        TestCase testCase = access.testCase(actor, id);
        ProcedureRevision found = cases.revisions(id).stream().filter(r -> r.number() == revision).findFirst()
                .orElseThrow(() -> new NotFound("Test case " + testCase.content().key() + " has no revision " + revision + "."));
        return checks.quality(testCase, found);
    }

    @Override public Reviewed accept(StepCommand command) {
        TestCase testCase = seen(command.actor(), command.testCase(), command.expectedVersion());
        ProcedureRevision revision = reviewable(testCase, command.step());
        qualities.addStepReview(testCase.id(), new StepReview(revision.number(), command.step(), StepVerdict.ACCEPTED, command.note(),
                command.actor().user(), clock.instant()));
        return new Reviewed(testCase, checks.quality(testCase, revision));
    }

    @Override public Reviewed edit(EditStepCommand command) {
        TestCase testCase = seen(command.actor(), command.testCase(), command.expectedVersion());
        reviewable(testCase, command.step());
        return replace(command.actor(), testCase, command.step(), command.replacement(), StepVerdict.EDITED, command.note());
    }

    @Override public Reviewed regenerate(StepCommand command) {
        TestCase testCase = seen(command.actor(), command.testCase(), command.expectedVersion());
        ProcedureRevision revision = reviewable(testCase, command.step());
        // The model call runs outside any transaction; the save below refuses it if the case changed meanwhile.
        Step rewritten;
        try {
            rewritten = rewriter.rewrite(GenerationRequests.of(testCase), revision.procedure(), command.step(), command.note());
        } catch (dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator.GenerationFailed e) {
            throw new RuleViolated(STEP_NOT_REWRITTEN, "The model did not write a usable step " + command.step() + ": " + e.getMessage());
        }
        return replace(command.actor(), testCase, command.step(), rewritten, StepVerdict.REGENERATED, command.note());
    }

    private Reviewed replace(Actor actor, TestCase testCase, int step, Step replacement, StepVerdict verdict, String note) {
        List<Step> steps = new ArrayList<>(current(testCase).procedure().steps());
        steps.set(step - 1, replacement);
        TestCase edited = testCase.edit(new Procedure(steps), actor.user(), clock.instant());
        int before = current(testCase).number();
        TestCase saved = transactions.inTransaction(() -> {
            TestCase stored = edited == testCase ? testCase : cases.save(edited);
            ProcedureRevision revision = current(stored);
            if (revision.number() != before) {
                // The other steps stay as they were, and so do the decisions on them.
                for (StepReview earlier : latestPerStep(stored, before)) {
                    if (earlier.step() == step) continue;
                    qualities.addStepReview(stored.id(), new StepReview(revision.number(), earlier.step(), earlier.verdict(),
                            earlier.note(), earlier.reviewer(), earlier.at()));
                }
            }
            qualities.addStepReview(stored.id(), new StepReview(revision.number(), step, verdict, note, actor.user(), clock.instant()));
            checks.scoreCurrent(stored);
            return stored;
        });
        return new Reviewed(saved, checks.quality(saved, current(saved)));
    }

    private List<StepReview> latestPerStep(TestCase testCase, int revision) {
        java.util.Map<Integer, StepReview> latest = new java.util.TreeMap<>();
        for (StepReview review : qualities.stepReviews(testCase.id(), revision)) latest.put(review.step(), review);
        return List.copyOf(latest.values());
    }

    private TestCase seen(Actor actor, TestCaseId id, long expectedVersion) {
        TestCase current = access.testCase(actor, id);
        if (current.version() != expectedVersion) {
            throw new Conflict("stale", "Test case " + current.content().key() + " was changed by someone else (version "
                    + current.version() + ", you had " + expectedVersion + "). Reload it and try again.");
        }
        return current;
    }

    /** The current revision, when a reviewer may still change it and it has the step. */
    private static ProcedureRevision reviewable(TestCase testCase, int step) {
        ProcedureRevision revision = current(testCase);
        if (!testCase.procedureEditable()) {
            throw new RuleViolated(testCase.status() == dev.concierge.domain.testcasegeneration.model.CaseStatus.APPROVED
                    ? "approved_locked" : "no_procedure_to_edit", "Test case " + testCase.content().key() + " is "
                    + testCase.status().wireName() + "; its steps cannot be reviewed now.");
        }
        int steps = revision.procedure().steps().size();
        if (step > steps) {
            throw new RuleViolated(NO_SUCH_STEP, "Test case " + testCase.content().key() + " has " + steps + " steps, not " + step + ".",
                    List.of(dev.concierge.domain.kernel.FieldError.of("step", NO_SUCH_STEP, step, steps)));
        }
        return revision;
    }

    private static ProcedureRevision current(TestCase testCase) {
        return testCase.procedure().orElseThrow(() -> new RuleViolated(NO_PROCEDURE,
                "Test case " + testCase.content().key() + " has no procedure yet."));
    }
}
