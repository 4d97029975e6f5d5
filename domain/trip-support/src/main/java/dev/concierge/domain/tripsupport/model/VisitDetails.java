package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.InvalidInput;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A customer visit: who, where, when (local time at the place), how long, what about. */
public record VisitDetails(String company, List<String> contacts, String location, LocalDateTime startsAt,
                           Duration duration, String agenda, String notes) {
    public static final Duration MIN_DURATION = Duration.ofMinutes(5);
    public static final Duration MAX_DURATION = Duration.ofHours(12);

    public VisitDetails {
        company = clean(company);
        location = clean(location);
        agenda = clean(agenda);
        notes = clean(notes);
        contacts = contacts == null ? List.of() : contacts.stream().map(VisitDetails::clean).filter(c -> !c.isEmpty()).toList();
        Validation problems = new Validation();
        if (company.isEmpty() || Validation.length(company) > 200) problems.add("company", Validation.LENGTH, 1, 200);
        if (location.isEmpty() || Validation.length(location) > 300) problems.add("location", Validation.LENGTH, 1, 300);
        problems.texts("contacts", contacts, 20, 100);
        if (startsAt == null) problems.add("startsAt", Validation.REQUIRED);
        if (duration == null || duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            problems.add("durationMinutes", Validation.RANGE, 5, 720);
        } else if (duration.toSecondsPart() != 0 || duration.toNanosPart() != 0) {
            problems.add("durationMinutes", Validation.WHOLE_NUMBER);
        }
        if (Validation.length(agenda) > 5_000) problems.add("agenda", Validation.TOO_LONG, 5000);
        if (Validation.length(notes) > 10_000) problems.add("notes", Validation.TOO_LONG, 10000);
        problems.throwIfInvalid();
    }

    public LocalDateTime endsAt() { return startsAt.plus(duration); }

    private static String clean(String text) { return text == null ? "" : text.strip(); }
}
