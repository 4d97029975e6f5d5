package dev.concierge.domain.tripsupport.model;

import java.util.List;
import java.util.Objects;

/**
 * An itinerary the assistant drafted and the domain checked: the draft offered (the one with the fewest violations of
 * all rounds, the latest on a tie), what it still breaks, and the violations found in each round's draft (round 0 is
 * the first draft, each later one a repair).
 */
public record DraftedItinerary(Itinerary itinerary, List<ItineraryViolation> violations, List<Round> rounds) {
    public DraftedItinerary {
        Objects.requireNonNull(itinerary, "itinerary");
        violations = List.copyOf(violations);
        rounds = List.copyOf(rounds);
        if (rounds.isEmpty()) throw new IllegalArgumentException("a checked draft has at least one round");
    }

    /** One draft the model wrote and what the rules found in it. */
    public record Round(List<ItineraryViolation> violations) {
        public Round { violations = List.copyOf(violations); }

        public boolean passed() { return violations.isEmpty(); }
    }

    /** Drafts asked again with the violations as reasons. */
    public int repairs() { return rounds.size() - 1; }

    public boolean passed() { return violations.isEmpty(); }
}
