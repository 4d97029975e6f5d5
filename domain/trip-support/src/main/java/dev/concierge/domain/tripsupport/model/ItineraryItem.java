package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.Characters;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One entry of a day: a train, a meeting, the hotel, a meal, free time. */
public record ItineraryItem(LocalDate date, LocalTime start, Optional<LocalTime> end, ItineraryKind kind, String title,
                            String place, String notes) {
    public ItineraryItem {
        end = Objects.requireNonNullElse(end, Optional.empty());
        title = title == null ? "" : title.strip();
        place = place == null ? "" : place.strip();
        notes = notes == null ? "" : notes.strip();
        List<FieldError> problems = new ArrayList<>();
        if (date == null) problems.add(FieldError.of("date", "is required"));
        if (start == null) problems.add(FieldError.of("start", "is required"));
        if (kind == null) problems.add(FieldError.of("kind", "is required"));
        if (title.isEmpty() || Characters.count(title) > 200) problems.add(FieldError.of("title", "must be 1 to 200 characters"));
        if (Characters.count(place) > 300) problems.add(FieldError.of("place", "must be at most 300 characters"));
        if (Characters.count(notes) > 2_000) problems.add(FieldError.of("notes", "must be at most 2000 characters"));
        if (start != null && end.isPresent() && end.get().isBefore(start) && kind != ItineraryKind.HOTEL) {
            problems.add(FieldError.of("end", "must not be before the start"));
        }
        if (!problems.isEmpty()) throw new InvalidInput("The itinerary item is not valid.", problems);
    }
}
