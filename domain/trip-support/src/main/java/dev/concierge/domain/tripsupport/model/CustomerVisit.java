package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Objects;
import java.util.Optional;

/** A visit on a trip, with the meeting-preparation notes drafted by the assistant and edited by the user. */
public record CustomerVisit(VisitId id, TripId trip, VisitDetails details, Optional<String> preparationNotes, long version) {
    public static final int MAX_PREPARATION_NOTES = 20_000;

    public CustomerVisit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(details, "details");
        preparationNotes = Objects.requireNonNullElse(preparationNotes, Optional.<String>empty()).map(String::strip).filter(n -> !n.isEmpty());
        if (preparationNotes.map(Validation::length).orElse(0) > MAX_PREPARATION_NOTES) {
            throw InvalidInput.field("preparationNotes", Validation.TOO_LONG, MAX_PREPARATION_NOTES);
        }
    }

    public boolean overlaps(CustomerVisit other) {
        return !id.equals(other.id)
                && details.startsAt().isBefore(other.details.endsAt())
                && other.details.startsAt().isBefore(details.endsAt());
    }
}
