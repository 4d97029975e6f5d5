package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.CheckedItinerary;
import dev.concierge.domain.tripsupport.model.Submission;
import dev.concierge.domain.tripsupport.port.in.ApproveTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.CheckSubmittedItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;

/**
 * The approval request decides who may read (its submitter, its approvers); the itinerary is then read in its owner's
 * name, the submitter's, through the same use case and rules as the trip page. A submitted trip cannot be edited, so
 * this is the itinerary as submitted.
 */
public final class CheckSubmittedItineraryService implements CheckSubmittedItineraryUseCase {
    private final ApproveTripsUseCase approvals;
    private final PlanItineraryUseCase itineraries;

    public CheckSubmittedItineraryService(ApproveTripsUseCase approvals, PlanItineraryUseCase itineraries) {
        this.approvals = approvals;
        this.itineraries = itineraries;
    }

    @Override public CheckedItinerary itinerary(Actor reader, ApprovalId request) {
        Submission submission = approvals.get(reader, request).submission();
        return itineraries.checkedItinerary(submission.submitter(), submission.trip());
    }
}
