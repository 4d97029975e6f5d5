package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.StepReview;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;

import java.util.Objects;

/** Replace step {@code step} (from 1) with the reviewer's wording; the other steps stay. */
public record EditStepCommand(Actor actor, TestCaseId testCase, int step, Step replacement, String note, long expectedVersion) {
    public EditStepCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(testCase, "testCase");
        Objects.requireNonNull(replacement, "replacement");
        if (step < 1) throw InvalidInput.field("step", Validation.POSITIVE_WHOLE_NUMBER);
        note = note == null ? "" : note.strip();
        if (Validation.length(note) > StepReview.MAX_NOTE) throw InvalidInput.field("note", Validation.TOO_LONG, StepReview.MAX_NOTE);
    }
}
