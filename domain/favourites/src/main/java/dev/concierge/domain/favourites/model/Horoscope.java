package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.Language;

import java.time.LocalDate;

/** A sign's reading for one date, in one language. Rating is 1 (quiet day) to 5 (excellent day). */
public record Horoscope(ZodiacSign sign, LocalDate date, Language language, String signName, String text,
                        String luckyColour, int luckyNumber, int rating) {
}
