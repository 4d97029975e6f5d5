package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;

public record SuiteId(long value) {
    public SuiteId {
        if (value < 1) throw InvalidInput.field("suiteId", "must be a positive whole number");
    }

    public static SuiteId parse(String text) {
        try {
            return new SuiteId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("suiteId", "must be a positive whole number");
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
