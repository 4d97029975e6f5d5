package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

/** A favourite's public number. */
public record FavouriteId(long value) {
    public FavouriteId {
        if (value < 1) throw InvalidInput.field("id", Validation.POSITIVE_WHOLE_NUMBER);
    }

    public static FavouriteId parse(String text) {
        try {
            return new FavouriteId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("id", Validation.POSITIVE_WHOLE_NUMBER);
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
