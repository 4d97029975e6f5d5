package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.ProcedureQuality;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;

/**
 * Step-by-step review: the checks' findings beside each step, and a reviewer's decision on one step at a time while
 * the rest of the procedure stays as it is.
 */
public interface ReviewStepsUseCase {
    /** The quality of the case's current revision. @throws dev.concierge.domain.kernel.RuleViolated {@code no_procedure} before it has one */
    ProcedureQuality quality(Actor actor, TestCaseId id);

    /** The quality of one revision of the case's history. */
    ProcedureQuality quality(Actor actor, TestCaseId id, int revision);

    /** Keeps the step as it is and records the reviewer's note. */
    Reviewed accept(StepCommand command);

    /** Replaces the step with the reviewer's wording: a new revision. */
    Reviewed edit(EditStepCommand command);

    /** Asks the model for a new wording of the step only (the note tells it what to change): a new revision. */
    Reviewed regenerate(StepCommand command);

    record Reviewed(TestCase testCase, ProcedureQuality quality) {}
}
