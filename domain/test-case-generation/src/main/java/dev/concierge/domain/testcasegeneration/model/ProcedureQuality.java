package dev.concierge.domain.testcasegeneration.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about one revision's quality: the deterministic {@link ProcedureScore}, what a second model pass
 * found (when it ran, with when), and the reviewers' per-step decisions (the latest per step). {@code steps}: how many
 * steps the revision has.
 */
public record ProcedureQuality(TestCaseId testCase, int revision, int steps, ProcedureScore score, Optional<ModelReview> modelReview,
                               List<StepReview> stepReviews) {
    public ProcedureQuality {
        Objects.requireNonNull(testCase, "testCase");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(modelReview, "modelReview");
        stepReviews = List.copyOf(stepReviews);
    }

    /** The latest decision on step {@code step}, if any. */
    public Optional<StepReview> reviewOf(int step) {
        return stepReviews.stream().filter(r -> r.step() == step).reduce((first, later) -> later);
    }

    /** The second model pass over a revision: its findings and when it ran. */
    public record ModelReview(List<ModelFinding> findings, Instant at) {
        public ModelReview {
            findings = List.copyOf(findings);
            Objects.requireNonNull(at, "at");
        }
    }
}
