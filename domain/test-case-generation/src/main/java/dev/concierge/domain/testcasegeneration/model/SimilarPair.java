package dev.concierge.domain.testcasegeneration.model;

import java.util.Objects;

/** Two cases and the cosine similarity of their vectors, as stored when the newer of the two was embedded. */
public record SimilarPair(CasePair pair, double similarity) {
    public SimilarPair {
        Objects.requireNonNull(pair, "pair");
    }
}
