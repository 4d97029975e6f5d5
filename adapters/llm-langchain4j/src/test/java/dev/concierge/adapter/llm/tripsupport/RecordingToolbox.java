package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A toolbox that answers fixed texts and records every call with its arguments. */
final class RecordingToolbox implements TripAssistant.Toolbox {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile VisitDetails proposedVisit;

    @Override public String readTrip() {
        calls.add("readTrip");
        return readTripText();
    }

    String readTripText() { return "Trip 'Osaka sales': 2026-12-01 to 2026-12-03, visit 7 Kansai Steel 2026-12-02 10:00."; }

    @Override public String recomputeEstimate() {
        calls.add("recomputeEstimate");
        return "Total 58,400 JPY, no violations.";
    }

    @Override public String proposeAddVisit(VisitDetails visit) {
        calls.add("proposeAddVisit");
        proposedVisit = visit;
        return "Proposal 3 recorded: add a visit to " + visit.company() + " on " + visit.startsAt() + "; the user must accept it.";
    }

    @Override public String proposeMoveVisit(VisitId visit, LocalDateTime newStart) {
        calls.add("proposeMoveVisit(" + visit + "," + newStart + ")");
        return "Refused (visit_outside_trip): The new time is outside the trip's dates.";
    }

    @Override public String proposeItineraryDraft() {
        calls.add("proposeItineraryDraft");
        return "Proposal 4 recorded: an itinerary of 6 items.";
    }

    @Override public String proposePreparationNotes(VisitId visit) {
        calls.add("proposePreparationNotes(" + visit + ")");
        return "Proposal 5 recorded: preparation notes for visit " + visit + ".";
    }
}
