package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.tripsupport.TripViews.ItineraryDayView;
import dev.concierge.adapter.http.tripsupport.TripViews.ItineraryItemView;
import dev.concierge.adapter.http.tripsupport.TripViews.ItineraryView;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.tripsupport.model.DraftedItinerary;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;

import java.util.List;

/** A checked itinerary draft as the API answers it: the draft, and what the domain's rules found, worded for the reader. */
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

    public record CheckView(boolean passed, int repairs, String summary, List<RoundView> rounds, List<ViolationView> violations) {}

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
