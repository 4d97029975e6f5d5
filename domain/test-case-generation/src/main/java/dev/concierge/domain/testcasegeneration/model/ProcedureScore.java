package dev.concierge.domain.testcasegeneration.model;

import java.util.List;
import java.util.Objects;

/**
 * How well a procedure's steps pass the {@link StepChecks}: 0–100 (the mean of its steps' scores, each 100 less the
 * penalties of its findings) and every finding. Kept with the revision it was made for.
 */
public record ProcedureScore(int score, List<StepFinding> findings) {
    public ProcedureScore {
        if (score < 0 || score > 100) throw new IllegalArgumentException("a score is 0 to 100, got " + score);
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
    }

    /** The findings of step {@code step} (counting from 1). */
    public List<StepFinding> at(int step) { return findings.stream().filter(f -> f.step() == step).toList(); }

    /** A step's own score: 100 less its findings' penalties, never below 0. */
    public int stepScore(int step) { return Math.max(0, 100 - at(step).stream().mapToInt(f -> f.rule().penalty()).sum()); }
}
