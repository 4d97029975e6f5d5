package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.TransportClass;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.VisitRules;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The trip as the assistant reads it: plain text with the ids its tools take. Written in English whatever the
 * conversation's language, since it instructs the model rather than the user.
 */
final class TripBriefing {
    private TripBriefing() {}

    /** Starts with "Today is": the trip page recognises a stored briefing by it (to summarise it, not show it). */
    static String describe(Trip trip, ManageVisitsUseCase.Schedule schedule, LocalDate today) {
        var d = trip.details();
        StringBuilder text = new StringBuilder()
                .append("Today is ").append(today).append(" (").append(today.getDayOfWeek().toString().toLowerCase(Locale.ROOT)).append(").\n")
                .append("Trip #").append(trip.id()).append(" \"").append(d.title()).append("\", status ").append(trip.status().wireName()).append('\n')
                .append("Purpose: ").append(d.purpose().isEmpty() ? "(not given)" : d.purpose()).append('\n')
                .append("From ").append(d.origin()).append(" to ").append(String.join(", ", d.destinations())).append('\n')
                .append("Dates: ").append(d.startDate()).append(" to ").append(d.endDate())
                .append(" (").append(d.days()).append(" day(s), ").append(d.nights()).append(" night(s))\n");
        if (schedule.visits().isEmpty()) {
            text.append("Customer visits: none yet.\n");
        } else {
            text.append("Customer visits (times are local to the place):\n");
            for (CustomerVisit visit : schedule.visits()) text.append("- ").append(visit(visit)).append('\n');
        }
        for (VisitRules.Overlap overlap : schedule.overlaps()) {
            text.append("Warning: visits #").append(overlap.first()).append(" and #").append(overlap.second()).append(" overlap.\n");
        }
        if (!trip.editable()) text.append("The trip is ").append(trip.status().wireName()).append(": it can no longer change.\n");
        return text.toString();
    }

    static String visit(CustomerVisit visit) {
        var v = visit.details();
        return "visit #" + visit.id() + ": " + v.company() + " at " + v.location() + ", " + v.startsAt() + " for "
                + v.duration().toMinutes() + " min" + (v.contacts().isEmpty() ? "" : ", with " + String.join(", ", v.contacts()))
                + (v.agenda().isEmpty() ? "" : "; agenda: " + v.agenda())
                + (visit.preparationNotes().isPresent() ? "; has preparation notes" : "");
    }

    static String itinerary(Itinerary itinerary) {
        if (itinerary.items().isEmpty()) return "Itinerary: nothing planned yet.\n";
        StringBuilder text = new StringBuilder("Itinerary (" + itinerary.source().wireName() + "):\n");
        for (ItineraryItem item : itinerary.items()) {
            text.append("- ").append(item.date()).append(' ').append(item.start()).append(item.end().map(end -> "–" + end).orElse(""))
                    .append(' ').append(item.kind().wireName()).append(": ").append(item.title())
                    .append(item.place().isEmpty() ? "" : " @ " + item.place()).append('\n');
        }
        return text.toString();
    }

    static String estimate(ExpenseEstimate estimate) {
        StringBuilder text = new StringBuilder("Expense estimate (computed under the travel policy, in " + estimate.currency() + "):\n");
        for (ExpenseEstimate.Line line : estimate.lines()) {
            text.append("- ").append(line.category().wireName()).append(": ").append(phrase(line.description())).append(" = ")
                    .append(line.amount()).append(" (rule: ").append(phrase(line.rule())).append(")\n");
        }
        text.append("Total: ").append(estimate.total()).append(' ').append(estimate.currency()).append('\n');
        if (estimate.violations().isEmpty()) text.append("No policy violations.\n");
        for (ExpenseEstimate.Violation violation : estimate.violations()) {
            text.append("Violation ").append(violation.code()).append(": ").append(figures(violation.args()))
                    .append(" (rule: ").append(phrase(violation.rule())).append(")\n");
        }
        text.append(estimate.approvalRequired()
                ? "The total is above the approval threshold of " + estimate.approvalThreshold() + ": the trip needs approval.\n"
                : "The total is within the approval threshold of " + estimate.approvalThreshold() + ".\n");
        return text.toString();
    }

    /** For the model, which reads codes and figures well: {@code lodging_cap(14000 JPY, A)}. */
    private static String phrase(ExpenseEstimate.Phrase phrase) {
        return phrase.args().isEmpty() ? phrase.code() : phrase.code() + "(" + figures(phrase.args()) + ")";
    }

    private static String figures(List<Object> args) {
        return args.stream().map(TripBriefing::figure).collect(Collectors.joining(", "));
    }

    private static String figure(Object arg) {
        return switch (arg) {
            case ExpenseEstimate.Money money -> money.amount() + " " + money.currency();
            case TransportClass travelClass -> travelClass.wireName();
            case List<?> list -> list.stream().map(TripBriefing::figure).collect(Collectors.joining(" / ", "[", "]"));
            default -> String.valueOf(arg);
        };
    }
}
