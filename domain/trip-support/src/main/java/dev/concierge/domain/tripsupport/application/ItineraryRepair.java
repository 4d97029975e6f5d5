package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DraftedItinerary;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryRules;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The assistant drafts, the domain checks: each draft goes through {@link ItineraryRules}; while it breaks a rule and
 * rounds are left, the drafter is asked again with its draft and the violations. At most {@code maxRepairs} repairs, so
 * a model that never gets it right costs a known number of calls; what still fails is returned for the user to see.
 */
public final class ItineraryRepair {
    private static final Logger LOG = LoggerFactory.getLogger(ItineraryRepair.class);
    public static final int DEFAULT_REPAIRS = 2;
    public static final int MAX_REPAIRS = 5;

    private final TripDrafter drafter;
    private final TravelTimes travelTimes;
    private final int maxRepairs;

    public ItineraryRepair(TripDrafter drafter, TravelTimes travelTimes, int maxRepairs) {
        if (maxRepairs < 0 || maxRepairs > MAX_REPAIRS) {
            throw new IllegalArgumentException("repair rounds must be 0 to " + MAX_REPAIRS + ", got " + maxRepairs);
        }
        this.drafter = drafter;
        this.travelTimes = travelTimes;
        this.maxRepairs = maxRepairs;
    }

    /** @throws Unavailable when the model gave no first draft; a repair that fails keeps the best draft so far */
    public DraftedItinerary draft(TripDetails trip, List<CustomerVisit> visits, Language language) {
        List<DraftedItinerary.Round> rounds = new ArrayList<>();
        Itinerary best = null;
        List<ItineraryViolation> bestViolations = null;
        List<ItineraryItem> items = drafter.draftItinerary(trip, visits, language);
        while (true) {
            Itinerary draft = new Itinerary(items, Itinerary.Source.ASSISTANT_DRAFT);
            List<ItineraryViolation> violations = ItineraryRules.check(trip, visits, draft, travelTimes::between);
            rounds.add(new DraftedItinerary.Round(violations));
            if (best == null || violations.size() <= bestViolations.size()) {
                best = draft;
                bestViolations = violations;
            }
            if (violations.isEmpty() || rounds.size() > maxRepairs) break;
            try {
                items = drafter.repairItinerary(trip, visits, language, draft.items(), violations);
            } catch (Unavailable e) {
                LOG.warn("Itinerary repair round {} failed, keeping the best draft so far: {}", rounds.size(), e.getMessage());
                break; // the user still gets the best draft, with what it breaks
            }
        }
        DraftedItinerary drafted = new DraftedItinerary(best, bestViolations, rounds);
        // Rule codes per round, so a log search shows which rules a model keeps breaking (the eval measures it properly).
        LOG.info("Itinerary draft checked: {} repair(s), rules broken per round {}, {} still broken",
                drafted.repairs(), rounds.stream().map(r -> r.violations().stream().map(ItineraryViolation::rule).toList()).toList(),
                drafted.violations().size());
        return drafted;
    }
}
