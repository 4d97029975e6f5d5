package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What a sales person plans: where from, where to, when, why. Dates are checked here. */
public record TripDetails(String title, String purpose, String origin, List<String> destinations,
                          LocalDate startDate, LocalDate endDate) {
    /** (max days): the trip lasts longer than a trip may. */
    public static final String TOO_MANY_DAYS = "too_many_days";
    public static final int MAX_DAYS = 90;
    public static final int MAX_DESTINATIONS = 10;

    public TripDetails {
        title = clean(title);
        purpose = clean(purpose);
        origin = clean(origin);
        destinations = destinations == null ? List.of() : destinations.stream().map(TripDetails::clean).filter(d -> !d.isEmpty()).distinct().toList();
        Validation problems = new Validation();
        if (title.isEmpty() || Validation.length(title) > 200) problems.add("title", Validation.LENGTH, 1, 200);
        if (Validation.length(purpose) > 2_000) problems.add("purpose", Validation.TOO_LONG, 2000);
        if (origin.isEmpty() || Validation.length(origin) > 100) problems.add("origin", Validation.LENGTH, 1, 100);
        if (destinations.isEmpty()) problems.add("destinations", Validation.TOO_FEW, 1);
        if (destinations.size() > MAX_DESTINATIONS) problems.add("destinations", Validation.TOO_MANY, MAX_DESTINATIONS);
        if (destinations.stream().anyMatch(d -> Validation.length(d) > 100)) problems.add("destinations", Validation.EACH_TOO_LONG, 100);
        if (startDate == null) problems.add("startDate", Validation.REQUIRED);
        if (endDate == null) problems.add("endDate", Validation.REQUIRED);
        if (startDate != null && endDate != null) {
            if (endDate.isBefore(startDate)) problems.add("endDate", Validation.BEFORE, "startDate");
            else if (ChronoUnit.DAYS.between(startDate, endDate) + 1 > MAX_DAYS) problems.add("endDate", TOO_MANY_DAYS, MAX_DAYS);
        }
        problems.throwIfInvalid();
    }

    public long days() { return ChronoUnit.DAYS.between(startDate, endDate) + 1; }

    public long nights() { return ChronoUnit.DAYS.between(startDate, endDate); }

    /** Japanese when the title, purpose or a destination is written in Japanese; otherwise English. */
    public Language language() { return Language.detect(title + " " + purpose + " " + String.join(" ", destinations)); }

    public boolean covers(LocalDate date) { return !date.isBefore(startDate) && !date.isAfter(endDate); }

    private static String clean(String text) { return text == null ? "" : text.strip(); }
}
