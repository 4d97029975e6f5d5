package dev.concierge.domain.tripsupport.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** How long it takes to go from one place to another, and how sure that figure is. */
public record TravelTime(Duration duration, Basis basis) {
    public enum Basis {
        /** The same place: no travel. */
        SAME_PLACE,
        /** Both places in one city: the table's time for a move inside a city. */
        SAME_CITY,
        /** The table's time between the two cities. */
        TABLE,
        /** Straight-line distance between the two cities at the configured fallback speed. */
        DISTANCE,
        /** At least one place is in no known city: the table's time for a move inside a city, as a guess. */
        ASSUMED;

        public String wireName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    public TravelTime {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(basis, "basis");
        if (duration.isNegative()) throw new IllegalArgumentException("negative travel time " + duration);
    }

    public static TravelTime none() { return new TravelTime(Duration.ZERO, Basis.SAME_PLACE); }
}
