package dev.concierge.domain.testcasegeneration.model;

import java.util.Objects;

/**
 * A case's embedding: {@code textHash} is the hash of the text that was embedded ({@link DuplicateText}), so a
 * changed case (or a stored vector of another model) is embedded again.
 */
public record CaseVector(TestCaseId testCase, String model, String textHash, float[] vector) {
    public CaseVector {
        Objects.requireNonNull(testCase, "testCase");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(textHash, "textHash");
        Objects.requireNonNull(vector, "vector");
    }
}
