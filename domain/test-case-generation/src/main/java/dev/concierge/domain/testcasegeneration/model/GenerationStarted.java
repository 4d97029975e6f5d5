package dev.concierge.domain.testcasegeneration.model;

import java.util.List;

/** A batch queued from a selection, and the selected cases that could not be queued now. */
public record GenerationStarted(Batch batch, List<SkippedCase> skipped) {
    public GenerationStarted {
        skipped = List.copyOf(skipped);
    }
}
