package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

public record SuiteId(long value) {
    public SuiteId {
        if (value < 1) throw InvalidInput.field("suiteId", Validation.POSITIVE_WHOLE_NUMBER);
    }

    public static SuiteId parse(String text) {
        try {
            return new SuiteId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("suiteId", Validation.POSITIVE_WHOLE_NUMBER);
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
