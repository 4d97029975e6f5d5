package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Codes;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Phrase;

import java.util.ArrayList;
import java.util.Comparator;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Applies the travel policy to a trip and its expense plan. Pure arithmetic: the same input always gives the same estimate. */
public final class ExpenseCalculator {
    private ExpenseCalculator() {}

    /** Under the edition in effect when the trip starts, at the traveller's grade. */
    public static ExpenseEstimate estimate(TripDetails trip, ExpensePlan plan, TravelPolicyBook book, String grade) {
        return estimate(trip, plan, book.effectiveOn(trip.startDate()), grade, book.rates());
    }

    public static ExpenseEstimate estimate(TripDetails trip, ExpensePlan plan, TravelPolicy policy) {
        return estimate(trip, plan, policy, Traveller.DEFAULT_GRADE);
    }

    public static ExpenseEstimate estimate(TripDetails trip, ExpensePlan plan, TravelPolicy policy, String grade) {
        return estimate(trip, plan, policy, grade, ExchangeRates.none());
    }

    /** A cost priced in another currency is converted at the rate in effect on its day (a stay's or a cost's: the trip's first). */
    public static ExpenseEstimate estimate(TripDetails trip, ExpensePlan plan, TravelPolicy policy, String grade, ExchangeRates rates) {
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
            Priced night = price(stay.ratePerNight(), stay.currency(), trip.startDate(), cur, rates);
            Optional<ExpenseEstimate.Foreign> foreign = night.foreign().map(f -> new ExpenseEstimate.Foreign(
                    money(stay.nights() * stay.ratePerNight(), stay.currency()), f.rate(), f.rateSince()));
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.LODGING,
                    Phrase.of(Codes.LODGING, stay.city(), stay.nights(), night.original()),
                    stay.nights() * night.home(), rule, foreign));
            night.missing(lines.size() - 1).ifPresent(violations::add);
            if (night.known() && night.home() > cap) {
                violations.add(new ExpenseEstimate.Violation("lodging_over_cap", rule,
                        List.of(stay.city(), money(night.home(), cur), money(cap, cur)), lines.size() - 1));
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
            Priced fare = price(leg.fare(), leg.currency(), leg.date(), cur, rates);
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.TRANSPORT,
                    Phrase.of(Codes.TRANSPORT, leg.from(), leg.to(), leg.travelClass(), leg.date()), fare.home(), rule, fare.foreign()));
            fare.missing(lines.size() - 1).ifPresent(violations::add);
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
            Priced amount = price(cost.amount(), cost.currency(), trip.startDate(), cur, rates);
            lines.add(new ExpenseEstimate.Line(ExpenseEstimate.Category.OTHER, Phrase.of(Codes.OTHER, cost.description()),
                    amount.home(), Phrase.of(Codes.RULE_RECEIPTS), amount.foreign()));
            amount.missing(lines.size() - 1).ifPresent(violations::add);
        }

        long total = lines.stream().mapToLong(ExpenseEstimate.Line::amount).sum();
        return new ExpenseEstimate(cur, lines, total, violations, total > policy.approvalThreshold(), policy.approvalThreshold());
    }

    static ExpenseEstimate.Money money(long amount, String currency) { return new ExpenseEstimate.Money(amount, currency); }

    /**
     * An amount as entered ({@code original}) and in the policy's currency ({@code home}); with no rate for its
     * currency on that day, home is 0 and {@link #missing} reports it.
     */
    private record Priced(ExpenseEstimate.Money original, long home, Optional<ExpenseEstimate.Foreign> foreign, boolean known, LocalDate on) {
        Optional<ExpenseEstimate.Violation> missing(int line) {
            if (known) return Optional.empty();
            return Optional.of(new ExpenseEstimate.Violation("no_exchange_rate", Phrase.of(Codes.RULE_EXCHANGE_RATE, original.currency()),
                    List.of(original.currency(), on), line));
        }
    }

    private static Priced price(long amount, String currency, LocalDate on, String home, ExchangeRates rates) {
        if (currency.isEmpty() || currency.equals(home)) return new Priced(money(amount, home), amount, Optional.empty(), true, on);
        var rate = rates.on(currency, on);
        if (rate.isEmpty()) return new Priced(money(amount, currency), 0, Optional.empty(), false, on);
        return new Priced(money(amount, currency), ExchangeRates.convert(amount, rate.get()),
                Optional.of(new ExpenseEstimate.Foreign(money(amount, currency), rate.get().perUnit(), rate.get().since())), true, on);
    }
}
