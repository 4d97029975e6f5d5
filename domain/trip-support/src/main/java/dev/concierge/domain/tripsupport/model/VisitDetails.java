package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.Characters;
import dev.concierge.domain.kernel.FieldError;
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
        List<FieldError> problems = new ArrayList<>();
        if (company.isEmpty() || Characters.count(company) > 200) problems.add(FieldError.of("company", "must be 1 to 200 characters"));
        if (location.isEmpty() || Characters.count(location) > 300) problems.add(FieldError.of("location", "must be 1 to 300 characters (an address or a city)"));
        if (contacts.size() > 20 || contacts.stream().anyMatch(c -> Characters.count(c) > 100)) problems.add(FieldError.of("contacts", "at most 20 people, 100 characters each"));
        if (startsAt == null) problems.add(FieldError.of("startsAt", "is required"));
        if (duration == null || duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            problems.add(FieldError.of("durationMinutes", "must be between 5 minutes and 12 hours"));
        } else if (duration.toSecondsPart() != 0 || duration.toNanosPart() != 0) {
            problems.add(FieldError.of("durationMinutes", "must be whole minutes"));
        }
        if (Characters.count(agenda) > 5_000) problems.add(FieldError.of("agenda", "must be at most 5000 characters"));
        if (Characters.count(notes) > 10_000) problems.add(FieldError.of("notes", "must be at most 10000 characters"));
        if (!problems.isEmpty()) throw new InvalidInput("The visit is not valid.", problems);
    }

    public LocalDateTime endsAt() { return startsAt.plus(duration); }

    private static String clean(String text) { return text == null ? "" : text.strip(); }
}
