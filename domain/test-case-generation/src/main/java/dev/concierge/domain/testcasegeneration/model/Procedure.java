package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Characters;
import dev.concierge.domain.kernel.FieldError;

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
        List<FieldError> problems = new ArrayList<>();
        if (steps == null || steps.isEmpty()) {
            problems.add(FieldError.of("steps", "must have at least one step"));
            return problems;
        }
        if (steps.size() > MAX_STEPS) problems.add(FieldError.of("steps", "must have at most " + MAX_STEPS + " steps"));
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "steps[" + i + "]";
            if (step == null) {
                problems.add(FieldError.of(at, "must not be empty"));
                continue;
            }
            if (step.action().isBlank()) problems.add(FieldError.of(at + ".action", "must not be blank"));
            if (step.expectedResult().isBlank()) problems.add(FieldError.of(at + ".expectedResult", "must not be blank"));
            if (Characters.count(step.action()) > Step.MAX_TEXT_LENGTH) problems.add(FieldError.of(at + ".action", "must be at most " + Step.MAX_TEXT_LENGTH + " characters"));
            if (Characters.count(step.expectedResult()) > Step.MAX_TEXT_LENGTH) problems.add(FieldError.of(at + ".expectedResult", "must be at most " + Step.MAX_TEXT_LENGTH + " characters"));
            if (step.testData().map(String::length).orElse(0) > Step.MAX_TEXT_LENGTH) problems.add(FieldError.of(at + ".testData", "must be at most " + Step.MAX_TEXT_LENGTH + " characters"));
        }
        return problems;
    }
}
