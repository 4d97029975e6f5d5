package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

public enum ItineraryKind {
    TRANSPORT, MEETING, HOTEL, MEAL, FREE_TIME;

    public String wireName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    public static ItineraryKind parse(String value) {
        for (ItineraryKind k : values()) if (k.wireName().equalsIgnoreCase(value == null ? "" : value.strip().replace('_', '-'))) return k;
        throw InvalidInput.field("kind", Validation.ONE_OF, "transport, meeting, hotel, meal, free-time");
    }
}
