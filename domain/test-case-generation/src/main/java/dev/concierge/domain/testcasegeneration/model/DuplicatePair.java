package dev.concierge.domain.testcasegeneration.model;

import java.util.Objects;

/** Two cases whose embeddings are at least as similar as the suite's threshold; {@code similarity} is the cosine, 0..1. */
public record DuplicatePair(CaseRef first, CaseRef second, double similarity) {
    public DuplicatePair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    /** Whole percent, rounded down so 0.919 never shows as the threshold's 92. */
    public int percent() { return (int) Math.floor(similarity * 100 + 1e-9); }

    public CasePair pair() { return CasePair.of(first.id(), second.id()); }

    /** The case of the pair that is not {@code one}. */
    public CaseRef other(TestCaseId one) { return first.id().equals(one) ? second : first; }
}
