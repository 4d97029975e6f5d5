package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.Characters;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What a sales person plans: where from, where to, when, why. Dates are checked here. */
public record TripDetails(String title, String purpose, String origin, List<String> destinations,
                          LocalDate startDate, LocalDate endDate) {
    public static final int MAX_DAYS = 90;
    public static final int MAX_DESTINATIONS = 10;

    public TripDetails {
        title = clean(title);
        purpose = clean(purpose);
        origin = clean(origin);
        destinations = destinations == null ? List.of() : destinations.stream().map(TripDetails::clean).filter(d -> !d.isEmpty()).distinct().toList();
        List<FieldError> problems = new ArrayList<>();
        if (title.isEmpty() || Characters.count(title) > 200) problems.add(FieldError.of("title", "must be 1 to 200 characters"));
        if (Characters.count(purpose) > 2_000) problems.add(FieldError.of("purpose", "must be at most 2000 characters"));
        if (origin.isEmpty() || Characters.count(origin) > 100) problems.add(FieldError.of("origin", "must be 1 to 100 characters"));
        if (destinations.isEmpty()) problems.add(FieldError.of("destinations", "must name at least one destination"));
        if (destinations.size() > MAX_DESTINATIONS) problems.add(FieldError.of("destinations", "must be at most " + MAX_DESTINATIONS));
        if (destinations.stream().anyMatch(d -> Characters.count(d) > 100)) problems.add(FieldError.of("destinations", "each must be at most 100 characters"));
        if (startDate == null) problems.add(FieldError.of("startDate", "is required"));
        if (endDate == null) problems.add(FieldError.of("endDate", "is required"));
        if (startDate != null && endDate != null) {
            if (endDate.isBefore(startDate)) problems.add(FieldError.of("endDate", "must not be before the start date"));
            else if (ChronoUnit.DAYS.between(startDate, endDate) + 1 > MAX_DAYS) problems.add(FieldError.of("endDate", "a trip lasts at most " + MAX_DAYS + " days"));
        }
        if (!problems.isEmpty()) throw new InvalidInput("The trip is not valid.", problems);
    }

    public long days() { return ChronoUnit.DAYS.between(startDate, endDate) + 1; }

    public long nights() { return ChronoUnit.DAYS.between(startDate, endDate); }

    /** Japanese when the title, purpose or a destination is written in Japanese; otherwise English. */
    public Language language() { return Language.detect(title + " " + purpose + " " + String.join(" ", destinations)); }

    public boolean covers(LocalDate date) { return !date.isBefore(startDate) && !date.isAfter(endDate); }

    private static String clean(String text) { return text == null ? "" : text.strip(); }
}
