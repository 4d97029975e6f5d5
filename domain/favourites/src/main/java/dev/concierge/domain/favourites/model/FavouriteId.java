package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.InvalidInput;

/** A favourite's public number. */
public record FavouriteId(long value) {
    public FavouriteId {
        if (value < 1) throw InvalidInput.field("id", "must be a positive whole number");
    }

    public static FavouriteId parse(String text) {
        try {
            return new FavouriteId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("id", "must be a positive whole number");
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
