package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of steps that passes the procedure rules: at least one step, at most {@link #MAX_STEPS}, no blank
 * action or expected result, no text longer than {@link Step#MAX_TEXT_LENGTH}. Whether the text came from a person
 * or a model, this is the one gate.
 */
public record Procedure(List<Step> steps) {
    public static final int MAX_STEPS = 50;

    public Procedure {
        steps = List.copyOf(steps);
        List<FieldError> problems = problemsOf(steps);
        if (!problems.isEmpty()) throw new InvalidProcedure(problems);
    }

    /** Every rule the steps break, each naming the step and field, e.g. {@code steps[2].action}; empty when valid. */
    public static List<FieldError> problemsOf(List<Step> steps) {
        Validation problems = new Validation();
        if (steps == null || steps.isEmpty()) {
            problems.add("steps", Validation.TOO_FEW, 1);
            return problems.errors();
        }
        if (steps.size() > MAX_STEPS) problems.add("steps", Validation.TOO_MANY, MAX_STEPS);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "steps[" + i + "]";
            if (step == null) {
                problems.add(at, Validation.BLANK);
                continue;
            }
            if (step.action().isBlank()) problems.add(at + ".action", Validation.BLANK);
            if (step.expectedResult().isBlank()) problems.add(at + ".expectedResult", Validation.BLANK);
            if (Validation.length(step.action()) > Step.MAX_TEXT_LENGTH) problems.add(at + ".action", Validation.TOO_LONG, Step.MAX_TEXT_LENGTH);
            if (Validation.length(step.expectedResult()) > Step.MAX_TEXT_LENGTH) problems.add(at + ".expectedResult", Validation.TOO_LONG, Step.MAX_TEXT_LENGTH);
            if (step.testData().map(Validation::length).orElse(0) > Step.MAX_TEXT_LENGTH) problems.add(at + ".testData", Validation.TOO_LONG, Step.MAX_TEXT_LENGTH);
        }
        return problems.errors();
    }
}
