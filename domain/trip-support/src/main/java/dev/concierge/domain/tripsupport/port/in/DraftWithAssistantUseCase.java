package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.DraftedItinerary;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;

import java.util.Optional;

/**
 * Drafts the assistant writes on request, outside a conversation: nothing is stored. The user edits a draft and saves
 * it through {@link PlanItineraryUseCase#replace} or {@link ManageVisitsUseCase#setPreparationNotes}, where every rule
 * applies. Without a language, the trip's own (Japanese when its title, purpose or destinations are).
 *
 * @throws dev.concierge.domain.kernel.Unavailable from both when no model answered
 */
public interface DraftWithAssistantUseCase {
    /**
     * A day-by-day itinerary from the trip and its visits, checked by the same rules as a person's itinerary and repaired
     * by the model a bounded number of rounds; with the rules the draft still breaks and the violations of each round.
     */
    DraftedItinerary draftItinerary(UserId owner, TripId trip, Optional<Language> language);

    /** Preparation notes for a visit, from the visit and what the user already wrote in it. */
    String draftPreparationNotes(UserId owner, VisitId visit, Optional<Language> language);
}
