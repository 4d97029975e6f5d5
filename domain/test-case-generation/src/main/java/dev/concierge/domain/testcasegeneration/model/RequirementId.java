package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

public record RequirementId(long value) {
    public RequirementId {
        if (value < 1) throw InvalidInput.field("requirementId", Validation.POSITIVE_WHOLE_NUMBER);
    }

    public static RequirementId parse(String text) {
        try {
            return new RequirementId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("requirementId", Validation.POSITIVE_WHOLE_NUMBER);
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
