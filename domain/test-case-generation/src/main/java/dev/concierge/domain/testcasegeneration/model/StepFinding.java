package dev.concierge.domain.testcasegeneration.model;

import java.util.List;
import java.util.Objects;

/**
 * One rule a step breaks: {@code step} counts from 1, {@code field} is {@code action}, {@code expectedResult} or
 * {@code testData}, {@code args} the figures its wording needs (the word found, a length and its limit).
 */
public record StepFinding(int step, String field, StepRule rule, List<String> args) {
    public StepFinding {
        if (step < 1) throw new IllegalArgumentException("steps count from 1");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        args = List.copyOf(args);
    }

    public static StepFinding of(int step, String field, StepRule rule, Object... args) {
        return new StepFinding(step, field, rule, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
