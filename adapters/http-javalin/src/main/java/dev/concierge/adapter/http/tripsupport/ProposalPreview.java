package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.web.DateWording;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A proposal as the person decides on it: what kind of change, and exactly what it would write — the visit's fields,
 * the old and new start, the notes in full, the itinerary's removed and added items — against the trip as it is now.
 */
public record ProposalPreview(long id, String status, String heading, List<Field> fields, List<String> removed,
                              List<String> added, int unchanged, String notes, String currentNotes) {
    /** One labelled value; {@code before} is set when the change replaces it. */
    public record Field(String label, String value, String before) {}

    public boolean pending() { return "pending".equals(status); }

    public boolean isItinerary() { return !removed.isEmpty() || !added.isEmpty() || unchanged > 0; }

    static ProposalPreview of(Proposal proposal, List<CustomerVisit> visits, Itinerary current, Messages t) {
        String status = proposal.status().wireName();
        DateWording dates = DateWording.of(t.language());
        return switch (proposal.change()) {
            case ProposedChange.AddVisit add -> {
                VisitDetails v = add.visit();
                List<Field> fields = new ArrayList<>(List.of(
                        new Field(t.t("trips.visit.company"), v.company(), null),
                        new Field(t.t("trips.visit.location"), v.location(), null),
                        new Field(t.t("trips.visit.startsAt"), dates.dateTime(v.startsAt()), null),
                        new Field(t.t("trips.visit.duration"), String.valueOf(v.duration().toMinutes()), null)));
                if (!v.contacts().isEmpty()) fields.add(new Field(t.t("trips.visit.contacts"), String.join(", ", v.contacts()), null));
                if (!v.agenda().isEmpty()) fields.add(new Field(t.t("trips.visit.agenda"), v.agenda(), null));
                if (!v.notes().isEmpty()) fields.add(new Field(t.t("trips.visit.notes"), v.notes(), null));
                yield new ProposalPreview(proposal.id(), status, t.t("trips.proposal.add-visit"), fields, List.of(), List.of(), 0, "", "");
            }
            case ProposedChange.MoveVisit move -> {
                Optional<CustomerVisit> visit = find(visits, move.visit());
                List<Field> fields = List.of(
                        new Field(t.t("trips.visit.company"), visit.map(v -> v.details().company()).orElse(t.t("trips.proposal.visitGone")), null),
                        new Field(t.t("trips.visit.startsAt"), dates.dateTime(move.newStart()), visit.map(v -> dates.dateTime(v.details().startsAt())).orElse(null)));
                yield new ProposalPreview(proposal.id(), status, t.t("trips.proposal.move-visit"), fields, List.of(), List.of(), 0, "", "");
            }
            case ProposedChange.SetPreparationNotes notes -> {
                Optional<CustomerVisit> visit = find(visits, notes.visit());
                List<Field> fields = List.of(new Field(t.t("trips.visit.company"),
                        visit.map(v -> v.details().company()).orElse(t.t("trips.proposal.visitGone")), null));
                yield new ProposalPreview(proposal.id(), status, t.t("trips.proposal.set-preparation-notes"), fields, List.of(), List.of(), 0,
                        notes.notes(), visit.flatMap(CustomerVisit::preparationNotes).orElse(""));
            }
            case ProposedChange.ReplaceItinerary replace -> {
                Set<String> before = lines(current, t);
                Set<String> after = lines(replace.itinerary(), t);
                List<String> removed = before.stream().filter(line -> !after.contains(line)).toList();
                List<String> added = after.stream().filter(line -> !before.contains(line)).toList();
                int unchanged = (int) after.stream().filter(before::contains).count();
                yield new ProposalPreview(proposal.id(), status, t.t("trips.proposal.replace-itinerary"), List.of(), removed, added,
                        unchanged == 0 && removed.isEmpty() && added.isEmpty() ? 0 : unchanged, "", "");
            }
        };
    }

    private static Optional<CustomerVisit> find(List<CustomerVisit> visits, VisitId id) {
        return visits.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** Items as one line each, so the same item before and after compares equal. */
    private static Set<String> lines(Itinerary itinerary, Messages t) {
        Set<String> lines = new LinkedHashSet<>();
        DateWording dates = DateWording.of(t.language());
        for (ItineraryItem item : itinerary.items()) {
            lines.add(dates.date(item.date()) + " " + dates.time(item.start()) + item.end().map(end -> "–" + dates.time(end)).orElse("") + " "
                    + t.t("trips.kind." + item.kind().wireName()) + " · " + item.title() + (item.place().isEmpty() ? "" : " @ " + item.place()));
        }
        return lines;
    }
}
