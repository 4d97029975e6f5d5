package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

public record TestCaseId(long value) {
    public TestCaseId {
        if (value < 1) throw InvalidInput.field("testCaseId", Validation.POSITIVE_WHOLE_NUMBER);
    }

    public static TestCaseId parse(String text) {
        try {
            return new TestCaseId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("testCaseId", Validation.POSITIVE_WHOLE_NUMBER);
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
