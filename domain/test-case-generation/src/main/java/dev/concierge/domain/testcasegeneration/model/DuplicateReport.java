package dev.concierge.domain.testcasegeneration.model;

import java.util.List;
import java.util.Optional;

/**
 * A page of a suite's near-duplicate pairs and how many there are; {@code unchecked}: cases whose current wording has
 * no vector yet (the embedding model was unreachable, or the case changed since), so the list may be missing some;
 * {@code problem}: why the last attempt to embed failed, when it did.
 */
public record DuplicateReport(List<DuplicatePair> pairs, long total, int unchecked, double threshold, Optional<String> problem) {
    public DuplicateReport {
        pairs = List.copyOf(pairs);
    }

    public boolean complete() { return unchecked == 0 && problem.isEmpty(); }
}
