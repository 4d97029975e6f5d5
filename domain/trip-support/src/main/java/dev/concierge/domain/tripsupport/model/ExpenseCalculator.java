package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Codes;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Phrase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies the travel policy to a trip and its expense plan. Pure arithmetic: the same input always gives the same estimate. */
public final class ExpenseCalculator {
    private ExpenseCalculator() {}

    /** Under the edition in effect when the trip starts, at the traveller's grade. */
    public static ExpenseEstimate estimate(TripDetails trip, ExpensePlan plan, TravelPolicyBook book, String grade) {
        return estimate(trip, plan, book.effectiveOn(trip.startDate()), grade);
    }

    public static ExpenseEstimate estimate(TripDetails trip, ExpensePlan plan, TravelPolicy policy) {
        return estimate(trip, plan, policy, Traveller.DEFAULT_GRADE);
    }

    public static ExpenseEstimate estimate(TripDetails trip, ExpensePlan plan, TravelPolicy policy, String grade) {
        List<ExpenseEstimate.Line> lines = new ArrayList<>();
        List<ExpenseEstimate.Violation> violations = new ArrayList<>();
        String cur = policy.currency();

        // Per-diem: every day of the trip at the rate of its most expensive destination.
        String costliest = trip.destinations().stream().max(Comparator.comparingLong(city -> policy.perDiemFor(grade, city))).orElse(trip.origin());
        boolean farEnough = policy.countsAsTrip(trip.origin(), trip.destinations());
        long dailyAllowance = farEnough ? policy.perDiemFor(grade, costliest) : 0;
        lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.PER_DIEM,
                Phrase.of(Codes.PER_DIEM, trip.days(), money(dailyAllowance, cur)),
                trip.days() * dailyAllowance,
                farEnough ? Phrase.of(Codes.RULE_PER_DIEM, money(dailyAllowance, cur), policy.classOf(costliest), costliest)
                        : Phrase.of(Codes.RULE_MIN_DISTANCE, policy.minTripDistanceKm())));

        long lodgingNights = 0;
        for (ExpensePlan.Lodging stay : plan.lodging()) {
            long cap = policy.lodgingCapFor(grade, stay.city());
            Phrase rule = Phrase.of(Codes.RULE_LODGING_CAP, money(cap, cur), policy.classOf(stay.city()));
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.LODGING,
                    Phrase.of(Codes.LODGING, stay.city(), stay.nights(), money(stay.ratePerNight(), cur)),
                    stay.nights() * stay.ratePerNight(), rule));
            if (stay.ratePerNight() > cap) {
                violations.add(new ExpenseEstimate.Violation("lodging_over_cap", rule,
                        List.of(stay.city(), money(stay.ratePerNight(), cur), money(cap, cur)), lines.size() - 1));
            }
            lodgingNights += stay.nights();
        }
        long allowance = farEnough ? policy.lodgingAllowanceFor(grade) : 0;
        long allowedNights = Math.min(lodgingNights, trip.nights());
        if (allowance > 0 && allowedNights > 0) {
            // A fixed amount per night away on top of the hotel's actual cost (Japan's national rules since 2025-04-01).
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.LODGING_ALLOWANCE,
                    Phrase.of(Codes.LODGING_ALLOWANCE, allowedNights, money(allowance, cur)), allowedNights * allowance,
                    Phrase.of(Codes.RULE_LODGING_ALLOWANCE, money(allowance, cur), grade)));
        }
        if (lodgingNights > trip.nights()) {
            violations.add(new ExpenseEstimate.Violation("lodging_exceeds_trip", Phrase.of(Codes.RULE_LODGING_WITHIN_TRIP),
                    List.of(lodgingNights, trip.nights()), -1));
        }

        List<TransportClass> allowed = policy.allowedTransport().stream().sorted().toList();
        for (ExpensePlan.TransportLeg leg : plan.transport()) {
            Phrase rule = Phrase.of(Codes.RULE_ALLOWED_TRANSPORT, allowed);
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.TRANSPORT,
                    Phrase.of(Codes.TRANSPORT, leg.from(), leg.to(), leg.travelClass(), leg.date()), leg.fare(), rule));
            if (!policy.allowedTransport().contains(leg.travelClass())) {
                violations.add(new ExpenseEstimate.Violation("transport_class_not_allowed", rule,
                        List.of(leg.travelClass(), leg.from(), leg.to()), lines.size() - 1));
            }
            if (!trip.covers(leg.date())) {
                violations.add(new ExpenseEstimate.Violation("transport_outside_trip", Phrase.of(Codes.RULE_TRANSPORT_WITHIN_TRIP),
                        List.of(leg.from(), leg.to(), leg.date()), lines.size() - 1));
            }
        }

        for (ExpensePlan.OtherCost cost : plan.other()) {
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.OTHER, Phrase.of(Codes.OTHER, cost.description()),
                    cost.amount(), Phrase.of(Codes.RULE_RECEIPTS)));
        }

        long total = lines.stream().mapToLong(ExpenseEstimate.Line::amount).sum();
        return new ExpenseEstimate(cur, lines, total, violations, total > policy.approvalThreshold(), policy.approvalThreshold());
    }

    static ExpenseEstimate.Money money(long amount, String currency) { return new ExpenseEstimate.Money(amount, currency); }
}
