package dev.concierge.adapter.http.tripsupport;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A drafter that writes from what it is given, so a test can tell the draft came from this trip and visit: one
 * transport item on the first day, a meeting per visit, and one item the day after the trip (a model's miscount).
 * A repair drops the items off the trip's days and nothing else, so a night without a hotel stays broken. Records the
 * language it was asked for and the rules each repair was told; {@link #unreachable} makes it fail as a missing model does.
 */
final class ScriptedDrafter implements TripDrafter {
    volatile Language lastLanguage;
    volatile boolean unreachable;
    final List<List<String>> repairsAsked = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override public List<ItineraryItem> draftItinerary(TripDetails trip, List<CustomerVisit> visits, Language language) {
        answer(language);
        List<ItineraryItem> items = new ArrayList<>();
        items.add(new ItineraryItem(trip.startDate(), LocalTime.of(8, 0), Optional.empty(), ItineraryKind.TRANSPORT,
                "To " + trip.destinations().getFirst(), trip.origin(), ""));
        for (CustomerVisit visit : visits) {
            items.add(new ItineraryItem(visit.details().startsAt().toLocalDate(), visit.details().startsAt().toLocalTime(),
                    Optional.empty(), ItineraryKind.MEETING, visit.details().company(), visit.details().location(), ""));
        }
        items.add(new ItineraryItem(trip.endDate().plusDays(1), LocalTime.of(9, 0), Optional.empty(), ItineraryKind.FREE_TIME,
                "Beyond the trip", "", ""));
        return items;
    }

    @Override public List<ItineraryItem> repairItinerary(TripDetails trip, List<CustomerVisit> visits, Language language,
                                                        List<ItineraryItem> previous, List<ItineraryViolation> violations) {
        answer(language);
        repairsAsked.add(violations.stream().map(ItineraryViolation::rule).toList());
        return previous.stream().filter(item -> trip.covers(item.date())).toList();
    }

    @Override public String draftPreparationNotes(TripDetails trip, CustomerVisit visit, Language language) {
        answer(language);
        return "Prepare for " + visit.details().company() + " (" + visit.details().agenda() + ")";
    }

    private void answer(Language language) {
        if (unreachable) throw new Unavailable("llm_unavailable", "No LLM reachable at http://localhost:11434 — start Ollama or set LLM_PROVIDER=openai.");
        lastLanguage = language;
    }
}
