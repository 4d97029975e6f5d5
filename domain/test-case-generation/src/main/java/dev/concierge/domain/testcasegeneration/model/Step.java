package dev.concierge.domain.testcasegeneration.model;

import java.util.Optional;

/** One step of a test procedure: what the tester does, what they should observe, and optional test data. */
public record Step(String action, String expectedResult, Optional<String> testData) {
    public static final int MAX_TEXT_LENGTH = 2_000;

    public Step {
        action = action == null ? "" : action.strip();
        expectedResult = expectedResult == null ? "" : expectedResult.strip();
        testData = testData == null ? Optional.empty() : testData.map(String::strip).filter(t -> !t.isEmpty());
    }

    public Step(String action, String expectedResult) { this(action, expectedResult, Optional.empty()); }
}
