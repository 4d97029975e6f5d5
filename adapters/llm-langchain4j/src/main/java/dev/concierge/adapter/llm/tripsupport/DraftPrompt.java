package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.VisitDetails;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What the model is told to draft an itinerary or meeting notes, and — after an unusable draft — what was wrong with it. */
final class DraftPrompt {
    /** Enough of a bad reply for the model to see its mistake, without resending a runaway answer in full. */
    private static final int MAX_ECHOED_REPLY = 4_000;
    private static final int MAX_LISTED_PROBLEMS = 20;

    private DraftPrompt() {}

    static String itinerarySystem(Language language) {
        return """
                You plan business trips for sales staff. Given a trip and its customer visits, write the day-by-day itinerary.

                Rules:
                - Answer with one JSON object only, no other text: {"items":[{"date":"YYYY-MM-DD","start":"HH:MM","end":"HH:MM or empty",\
                "kind":"transport|meeting|hotel|meal|free-time","title":"…","place":"…","notes":"…"}]}
                - Every item falls between the trip's first and last day. At most %d items.
                - Every customer visit is a "meeting" item at its own date and time.
                - Travel from the origin on the first day and back on the last day ("transport"); a "hotel" item each night away.
                - "end" is empty when unknown and never before "start" (except for a hotel stay that ends the next morning).
                - A title has at most 200 characters, a place at most 300, notes at most 2000.
                - %s
                """.formatted(Itinerary.MAX_ITEMS, languageRule(language));
    }

    static String itineraryRequest(TripDetails trip, List<CustomerVisit> visits) {
        StringBuilder text = new StringBuilder(trip(trip)).append("\nCustomer visits:\n");
        if (visits.isEmpty()) text.append("(none yet)\n");
        visits.stream().sorted(Comparator.comparing(v -> v.details().startsAt()))
                .forEach(visit -> text.append("- ").append(visit(visit.details())).append("\n"));
        return text.append("\nWrite the itinerary as JSON now.").toString();
    }

    static String notesSystem(Language language) {
        return """
                You help a sales person prepare a customer meeting. Given the trip and the visit, write short preparation notes.

                Rules:
                - Answer with one JSON object only, no other text: {"goals":["…"],"talkingPoints":["…"],"questions":["…"],"bring":["…"]}
                - At least one goal. At most %d entries per list, each one sentence of at most %d characters.
                - Use what the visit's agenda and notes say; do not invent facts about the customer.
                - %s
                """.formatted(DraftReplies.MAX_NOTE_ENTRIES, DraftReplies.MAX_NOTE_ENTRY_LENGTH, languageRule(language));
    }

    static String notesRequest(TripDetails trip, CustomerVisit visit) {
        return trip(trip) + "\nThe visit:\n" + visit(visit.details()) + "\n"
                + (visit.details().notes().isEmpty() ? "" : "Notes: " + visit.details().notes() + "\n")
                + visit.preparationNotes().map(notes -> "Current preparation notes (improve on them):\n" + notes + "\n").orElse("")
                + "\nWrite the preparation notes as JSON now.";
    }

    static String feedback(List<String> problems, Language language) {
        StringBuilder text = new StringBuilder("Your reply could not be used:\n");
        problems.stream().limit(MAX_LISTED_PROBLEMS).forEach(problem -> text.append("- ").append(problem).append("\n"));
        if (problems.size() > MAX_LISTED_PROBLEMS) text.append("- and ").append(problems.size() - MAX_LISTED_PROBLEMS).append(" more\n");
        return text.append("Answer again with the complete JSON object that follows every rule. ").append(languageRule(language)).toString();
    }

    static String echoed(String reply) {
        return reply.isBlank() ? "(empty reply)" : reply.length() > MAX_ECHOED_REPLY ? reply.substring(0, MAX_ECHOED_REPLY) + "…" : reply;
    }

    private static String trip(TripDetails trip) {
        return "Trip: " + trip.title() + "\n"
                + (trip.purpose().isEmpty() ? "" : "Purpose: " + trip.purpose() + "\n")
                + "From: " + trip.origin() + "\n"
                + "To: " + String.join(", ", trip.destinations()) + "\n"
                + "Dates: " + trip.startDate() + " to " + trip.endDate() + " (" + trip.days() + " days, " + trip.nights() + " nights)\n";
    }

    private static String visit(VisitDetails visit) {
        return visit.company() + " at " + visit.location() + ", " + visit.startsAt().toLocalDate() + " "
                + visit.startsAt().toLocalTime() + "–" + visit.endsAt().toLocalTime()
                + (visit.contacts().isEmpty() ? "" : ", meeting " + String.join(", ", visit.contacts()))
                + (visit.agenda().isEmpty() ? "" : ", agenda: " + visit.agenda());
    }

    private static String languageRule(Language language) {
        String english = language.locale().getDisplayLanguage(Locale.ENGLISH);
        String nativeName = language.locale().getDisplayLanguage(language.locale());
        return "Write every text in " + english + (nativeName.equals(english) ? "" : " (" + nativeName + ")")
                + ": it MUST be in " + english + ", whatever language the trip uses.";
    }
}
