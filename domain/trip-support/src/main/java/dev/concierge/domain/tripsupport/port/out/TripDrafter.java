package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.TripDetails;

import java.util.List;

/** Drafts written by the model (structured output): the user edits or accepts them. */
public interface TripDrafter {
    /** @throws dev.concierge.domain.kernel.Unavailable when no model answered */
    List<ItineraryItem> draftItinerary(TripDetails trip, List<CustomerVisit> visits, Language language);

    String draftPreparationNotes(TripDetails trip, CustomerVisit visit, Language language);
}
