package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;

public record TripId(long value) {
    public TripId {
        if (value < 1) throw InvalidInput.field("tripId", "must be a positive whole number");
    }

    public static TripId parse(String text) {
        try {
            return new TripId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("tripId", "must be a positive whole number");
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
