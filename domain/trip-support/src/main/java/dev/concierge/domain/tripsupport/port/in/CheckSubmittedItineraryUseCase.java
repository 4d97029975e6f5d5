package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.CheckedItinerary;

/** What an approver reads of a submitted trip's itinerary: the itinerary and what the itinerary rules find in it. */
public interface CheckSubmittedItineraryUseCase {
    /**
     * For the submitter or an approver of the request, as {@link ApproveTripsUseCase#get} allows.
     *
     * @throws dev.concierge.domain.tripsupport.model.ApprovalNotFound for anyone else
     */
    CheckedItinerary itinerary(Actor reader, ApprovalId request);
}
