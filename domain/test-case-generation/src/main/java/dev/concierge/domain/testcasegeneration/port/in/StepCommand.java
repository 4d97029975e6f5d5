package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.testcasegeneration.model.StepReview;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;

import java.util.Objects;

/** Accept or regenerate step {@code step} (from 1) of the procedure the reviewer saw ({@code expectedVersion}), with a note. */
public record StepCommand(Actor actor, TestCaseId testCase, int step, String note, long expectedVersion) {
    public StepCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(testCase, "testCase");
        if (step < 1) throw InvalidInput.field("step", Validation.POSITIVE_WHOLE_NUMBER);
        note = note == null ? "" : note.strip();
        if (Validation.length(note) > StepReview.MAX_NOTE) throw InvalidInput.field("note", Validation.TOO_LONG, StepReview.MAX_NOTE);
    }
}
