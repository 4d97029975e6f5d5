package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

/** What a favourite holds. */
public enum FavouriteType {
    QUOTE, HOROSCOPE;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static FavouriteType parse(String value) {
        if (value != null) {
            for (FavouriteType type : values()) if (type.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) return type;
        }
        throw InvalidInput.field("type", Validation.ONE_OF, "quote, horoscope");
    }
}
