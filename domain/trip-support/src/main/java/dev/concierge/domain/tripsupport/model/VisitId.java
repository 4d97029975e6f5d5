package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;

public record VisitId(long value) {
    public VisitId {
        if (value < 1) throw InvalidInput.field("visitId", "must be a positive whole number");
    }

    public static VisitId parse(String text) {
        try {
            return new VisitId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("visitId", "must be a positive whole number");
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
