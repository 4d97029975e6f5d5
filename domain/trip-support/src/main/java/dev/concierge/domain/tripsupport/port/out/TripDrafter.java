package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;
import dev.concierge.domain.tripsupport.model.TripDetails;

import java.util.List;

/** Drafts written by the model (structured output): the domain checks them, the user edits or accepts them. */
public interface TripDrafter {
    /** @throws dev.concierge.domain.kernel.Unavailable when no model answered */
    List<ItineraryItem> draftItinerary(TripDetails trip, List<CustomerVisit> visits, Language language);

    /**
     * The itinerary again, repairing {@code previous}: the model is shown its draft and the rules it breaks, worded in
     * {@code language}. A drafter that cannot take reasons drafts afresh.
     *
     * @throws dev.concierge.domain.kernel.Unavailable when no model answered
     */
    default List<ItineraryItem> repairItinerary(TripDetails trip, List<CustomerVisit> visits, Language language,
                                                List<ItineraryItem> previous, List<ItineraryViolation> violations) {
        return draftItinerary(trip, visits, language);
    }

    String draftPreparationNotes(TripDetails trip, CustomerVisit visit, Language language);
}
