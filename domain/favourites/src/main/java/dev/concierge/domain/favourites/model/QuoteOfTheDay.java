package dev.concierge.domain.favourites.model;

import java.time.LocalDate;

/** Picks the quote of a day: the same for everyone on a date, spread over the catalogue rather than in order. */
public final class QuoteOfTheDay {
    private QuoteOfTheDay() {}

    /** Position (0-based, in catalogue order) of the quote for {@code date} in a catalogue of {@code size}. */
    public static int positionFor(LocalDate date, int size) {
        if (size < 1) throw new IllegalArgumentException("the catalogue is empty");
        return (int) Math.floorMod(StableMix.of(date.toEpochDay(), 0x51_7C_C1_B7L), (long) size);
    }
}
