package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;

public record TestCaseId(long value) {
    public TestCaseId {
        if (value < 1) throw InvalidInput.field("testCaseId", "must be a positive whole number");
    }

    public static TestCaseId parse(String text) {
        try {
            return new TestCaseId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("testCaseId", "must be a positive whole number");
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
