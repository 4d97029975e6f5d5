package dev.concierge.adapter.http.web;

import dev.concierge.domain.kernel.Language;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as a reader of a page writes them: {@code 2026年12月7日(月) 10:00} in Japanese,
 * {@code Mon 7 Dec 2026 10:00} in English. Pages only; the API keeps ISO-8601, which programs read.
 */
public record DateWording(Language language) {
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日(E)", Locale.JAPANESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public static DateWording of(Language language) { return new DateWording(language); }

    public String date(LocalDate date) {
        if (date == null) return "";
        return (language == Language.JA ? JA_DATE : EN_DATE).format(date);
    }

    public String time(LocalTime time) { return time == null ? "" : TIME.format(time); }

    public String dateTime(LocalDateTime at) { return at == null ? "" : date(at.toLocalDate()) + " " + time(at.toLocalTime()); }

    /** A moment as the clock on the wall of {@code zone} showed it. */
    public String dateTime(Instant at, ZoneId zone) { return at == null ? "" : dateTime(LocalDateTime.ofInstant(at, zone)); }

    /** A span of days, e.g. a trip: {@code 2026年12月7日(月) – 2026年12月9日(水)}; one day once. */
    public String days(LocalDate from, LocalDate to) { return from.equals(to) ? date(from) : date(from) + " – " + date(to); }
}
