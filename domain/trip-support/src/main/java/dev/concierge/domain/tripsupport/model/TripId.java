package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

public record TripId(long value) {
    public TripId {
        if (value < 1) throw InvalidInput.field("tripId", Validation.POSITIVE_WHOLE_NUMBER);
    }

    public static TripId parse(String text) {
        try {
            return new TripId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("tripId", Validation.POSITIVE_WHOLE_NUMBER);
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
