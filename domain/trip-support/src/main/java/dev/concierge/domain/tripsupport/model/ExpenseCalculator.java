package dev.concierge.domain.tripsupport.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Applies the travel policy to a trip and its expense plan. Pure arithmetic: the same input always gives the same estimate. */
public final class ExpenseCalculator {
    private ExpenseCalculator() {}

    public static ExpenseEstimate estimate(TripDetails trip, ExpensePlan plan, TravelPolicy policy) {
        List<ExpenseEstimate.Line> lines = new ArrayList<>();
        List<ExpenseEstimate.Violation> violations = new ArrayList<>();
        String cur = policy.currency();

        // Per-diem: every day of the trip at the rate of its most expensive destination.
        String costliest = trip.destinations().stream().max(Comparator.comparingLong(policy::perDiemFor)).orElse(trip.origin());
        long dailyAllowance = policy.perDiemFor(costliest);
        lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.PER_DIEM,
                trip.days() + " day(s) × " + money(dailyAllowance, cur),
                trip.days() * dailyAllowance,
                "Per-diem " + money(dailyAllowance, cur) + "/day for class " + policy.classOf(costliest) + " destinations (" + costliest + ")"));

        long lodgingNights = 0;
        for (ExpensePlan.Lodging stay : plan.lodging()) {
            long cap = policy.lodgingCapFor(stay.city());
            String rule = "Lodging cap " + money(cap, cur) + "/night in class " + policy.classOf(stay.city()) + " cities";
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.LODGING,
                    stay.city() + ": " + stay.nights() + " night(s) × " + money(stay.ratePerNight(), cur),
                    stay.nights() * stay.ratePerNight(), rule));
            if (stay.ratePerNight() > cap) {
                violations.add(new ExpenseEstimate.Violation("lodging_over_cap", rule, "The hotel in " + stay.city() + " at "
                        + money(stay.ratePerNight(), cur) + "/night is over the cap of " + money(cap, cur) + ".", lines.size() - 1));
            }
            lodgingNights += stay.nights();
        }
        if (lodgingNights > trip.nights()) {
            violations.add(new ExpenseEstimate.Violation("lodging_exceeds_trip", "Lodging only for the nights of the trip",
                    lodgingNights + " night(s) of lodging planned for a trip of " + trip.nights() + " night(s).", -1));
        }

        for (ExpensePlan.TransportLeg leg : plan.transport()) {
            String rule = "Allowed transport: " + String.join(", ", policy.allowedTransport().stream().sorted().map(TransportClass::wireName).toList());
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.TRANSPORT,
                    leg.from() + " → " + leg.to() + " (" + leg.travelClass().wireName() + ", " + leg.date() + ")", leg.fare(), rule));
            if (!policy.allowedTransport().contains(leg.travelClass())) {
                violations.add(new ExpenseEstimate.Violation("transport_class_not_allowed", rule, "Travelling " + leg.travelClass().wireName()
                        + " from " + leg.from() + " to " + leg.to() + " is not allowed by the policy.", lines.size() - 1));
            }
            if (!trip.covers(leg.date())) {
                violations.add(new ExpenseEstimate.Violation("transport_outside_trip", "Transport only on the days of the trip",
                        "The leg " + leg.from() + " → " + leg.to() + " on " + leg.date() + " is outside the trip.", lines.size() - 1));
            }
        }

        for (ExpensePlan.OtherCost cost : plan.other()) {
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.OTHER, cost.description(), cost.amount(), "Other business expenses, with receipts"));
        }

        long total = lines.stream().mapToLong(ExpenseEstimate.Line::amount).sum();
        return new ExpenseEstimate(cur, lines, total, violations, total > policy.approvalThreshold(), policy.approvalThreshold());
    }

    static String money(long amount, String currency) {
        String number = String.format(Locale.ROOT, "%,d", amount);
        return "JPY".equals(currency) ? "¥" + number : number + " " + currency;
    }
}
