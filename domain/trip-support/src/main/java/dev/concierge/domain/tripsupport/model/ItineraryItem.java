package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;
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
        Validation problems = new Validation();
        if (date == null) problems.add("date", Validation.REQUIRED);
        if (start == null) problems.add("start", Validation.REQUIRED);
        if (kind == null) problems.add("kind", Validation.REQUIRED);
        if (title.isEmpty() || Validation.length(title) > 200) problems.add("title", Validation.LENGTH, 1, 200);
        if (Validation.length(place) > 300) problems.add("place", Validation.TOO_LONG, 300);
        if (Validation.length(notes) > 2_000) problems.add("notes", Validation.TOO_LONG, 2000);
        if (start != null && end.isPresent() && end.get().isBefore(start) && kind != ItineraryKind.HOTEL) {
            problems.add("end", Validation.BEFORE, "start");
        }
        problems.throwIfInvalid();
    }
}
