package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.tripsupport.TripViews.ItineraryDayView;
import dev.concierge.adapter.http.tripsupport.TripViews.ItineraryItemView;
import dev.concierge.adapter.http.tripsupport.TripViews.ItineraryView;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.tripsupport.model.CheckedItinerary;
import dev.concierge.domain.tripsupport.model.DraftedItinerary;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;

import java.util.List;

/**
 * A checked itinerary as the API answers it, the assistant's draft or a person's saved one: the items, and what the
 * domain's itinerary rules found, worded for the reader, in one shape ({@code check}) for both.
 */
public final class DraftViews {
    private DraftViews() {}

    /** A rule the draft still breaks: its code, a short name of the rule, and what is wrong, in the reader's language. */
    public record ViolationView(String rule, String ruleName, Integer item, Long visitId, List<String> args, String message) {
        static ViolationView of(ItineraryViolation violation, Messages messages) {
            List<String> args = violation.args().stream().map(String::valueOf).toList();
            return new ViolationView(violation.rule(), messages.t("trips.draft.rule-name." + violation.rule()),
                    violation.item() < 0 ? null : violation.item(), violation.visit().map(v -> v.value()).orElse(null), args,
                    messages.t("trips.draft.rule." + violation.rule(), args.toArray()));
        }
    }

    /** One draft the model wrote: round 0 is the first, each later one a repair; the codes of the rules it broke. */
    public record RoundView(int round, List<String> violations) {}

    public record CheckView(boolean passed, int repairs, String summary, List<RoundView> rounds, List<ViolationView> violations) {
        /** A person's itinerary: one check, no model rounds, what it breaks as warnings. */
        static CheckView of(CheckedItinerary checked, Messages messages) {
            String summary = checked.passed() ? messages.t("trips.itinerary.check.passed")
                    : messages.t("trips.itinerary.check.warnings", checked.violations().size());
            return new CheckView(checked.passed(), 0, summary, List.of(),
                    checked.violations().stream().map(v -> ViolationView.of(v, messages)).toList());
        }
    }

    /** A person's itinerary (as stored, or just saved) with what the itinerary rules find in it. */
    public record CheckedItineraryView(String source, List<ItineraryItemView> items, List<ItineraryDayView> days, CheckView check) {
        static CheckedItineraryView of(CheckedItinerary checked, Messages messages) {
            ItineraryView itinerary = ItineraryView.of(checked.itinerary());
            return new CheckedItineraryView(itinerary.source(), itinerary.items(), itinerary.days(), CheckView.of(checked, messages));
        }
    }

    public record ItineraryDraftView(String source, List<ItineraryItemView> items, List<ItineraryDayView> days, CheckView check) {
        static ItineraryDraftView of(DraftedItinerary drafted, Messages messages) {
            ItineraryView itinerary = ItineraryView.of(drafted.itinerary());
            List<RoundView> rounds = new java.util.ArrayList<>();
            for (int i = 0; i < drafted.rounds().size(); i++) {
                rounds.add(new RoundView(i, drafted.rounds().get(i).violations().stream().map(ItineraryViolation::rule).toList()));
            }
            String summary = drafted.passed()
                    ? drafted.repairs() == 0 ? messages.t("trips.draft.check.passed") : messages.t("trips.draft.check.repaired", drafted.repairs())
                    : messages.t("trips.draft.check.failed", drafted.repairs(), drafted.violations().size());
            return new ItineraryDraftView(itinerary.source(), itinerary.items(), itinerary.days(), new CheckView(drafted.passed(),
                    drafted.repairs(), summary, rounds, drafted.violations().stream().map(v -> ViolationView.of(v, messages)).toList()));
        }
    }
}
