package dev.concierge.domain.tripsupport.model;

import java.util.List;
import java.util.Objects;

/**
 * A person's itinerary and the rules of {@link ItineraryRules} it breaks. Only {@link ItineraryRules#OUTSIDE_TRIP}
 * refuses a save; the others are warnings kept beside the itinerary, so an edit is never lost to a rule.
 */
public record CheckedItinerary(Itinerary itinerary, List<ItineraryViolation> violations) {
    public CheckedItinerary {
        Objects.requireNonNull(itinerary, "itinerary");
        violations = List.copyOf(violations);
    }

    public boolean passed() { return violations.isEmpty(); }
}
