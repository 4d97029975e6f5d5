package dev.concierge.domain.tripsupport.model;

import java.time.LocalDateTime;

/** A change the assistant wants to make; nothing happens until the user accepts it. */
public sealed interface ProposedChange {
    record AddVisit(VisitDetails visit) implements ProposedChange {}

    record MoveVisit(VisitId visit, LocalDateTime newStart) implements ProposedChange {}

    record ReplaceItinerary(Itinerary itinerary) implements ProposedChange {}

    record SetPreparationNotes(VisitId visit, String notes) implements ProposedChange {}
}
