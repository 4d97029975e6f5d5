package dev.concierge.domain.tripsupport.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule of {@link ItineraryRules} an itinerary breaks: the rule's stable code, the item it concerns (its index in time
 * order, {@code -1} when it concerns no single item), the visit it concerns if any, and the figures to word it with.
 */
public record ItineraryViolation(String rule, int item, Optional<VisitId> visit, List<Object> args) {
    public ItineraryViolation {
        Objects.requireNonNull(rule, "rule");
        visit = Objects.requireNonNullElse(visit, Optional.empty());
        args = List.copyOf(args);
    }
}
