package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

public record VisitId(long value) {
    public VisitId {
        if (value < 1) throw InvalidInput.field("visitId", Validation.POSITIVE_WHOLE_NUMBER);
    }

    public static VisitId parse(String text) {
        try {
            return new VisitId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("visitId", Validation.POSITIVE_WHOLE_NUMBER);
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
