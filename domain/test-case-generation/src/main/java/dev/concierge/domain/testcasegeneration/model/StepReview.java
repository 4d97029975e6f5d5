package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer's decision on step {@code step} (from 1) of revision {@code revision}, with their note. An edit or a
 * regeneration makes a new revision; the review belongs to that new revision's step.
 */
public record StepReview(int revision, int step, StepVerdict verdict, String note, UserId reviewer, Instant at) {
    public static final int MAX_NOTE = 2_000;

    public StepReview {
        if (revision < 1 || step < 1) throw new IllegalArgumentException("revisions and steps count from 1");
        Objects.requireNonNull(verdict, "verdict");
        note = note == null ? "" : note.strip();
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
    }
}
