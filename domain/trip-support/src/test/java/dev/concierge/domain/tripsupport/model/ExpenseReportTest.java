package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Category;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Actual against estimate under the built-in policy (Osaka: ¥3,000 a day, ¥14,000 a night). */
class ExpenseReportTest {
    static final TravelPolicy POLICY = TravelPolicy.domesticJapan();
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    static final TripDetails TRIP = new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), DEC_1, DEC_1.plusDays(2));
    /** Per-diem 3 days, two transport legs, one stay, one other cost. */
    static final ExpenseEstimate ESTIMATE = ExpenseCalculator.estimate(TRIP, new ExpensePlan(
            List.of(new ExpensePlan.TransportLeg("Tokyo", "Osaka", DEC_1, TransportClass.SHINKANSEN_ORDINARY, 14_000),
                    new ExpensePlan.TransportLeg("Osaka", "Tokyo", DEC_1.plusDays(2), TransportClass.SHINKANSEN_ORDINARY, 14_000)),
            List.of(new ExpensePlan.Lodging("Osaka", 2, 12_000)),
            List.of(new ExpensePlan.OtherCost("Gifts", 5_000))), POLICY);

    static long id = 1;

    static ActualExpense spent(Category category, String description, String city, long amount, Integer nights, Integer line, boolean receipt) {
        ActualExpenseId expenseId = new ActualExpenseId(id++);
        return new ActualExpense(expenseId, new TripId(1), new ActualExpenseDetails(DEC_1, category, description, city, amount,
                nights == null ? OptionalInt.empty() : OptionalInt.of(nights), line == null ? OptionalInt.empty() : OptionalInt.of(line)),
                receipt ? Optional.of(new Receipt(new FileKey("r/" + expenseId), "r.jpg", "image/jpeg", 10)) : Optional.empty());
    }

    static ExpenseReport report(ActualExpense... actuals) {
        return ExpenseReport.compare(TRIP, ESTIMATE, List.of(actuals), POLICY::lodgingCapFor, Optional.empty());
    }

    static int lineOf(Category category) {
        for (int i = 0; i < ESTIMATE.lines().size(); i++) if (ESTIMATE.lines().get(i).category() == category) return i;
        throw new AssertionError(category);
    }

    @Test void each_estimate_line_is_compared_with_what_was_spent_against_it() {
        ActualExpense hotel = spent(Category.LODGING, "Hotel Umeda", "Osaka", 26_000, 2, null, true);
        ExpenseReport report = report(hotel);

        ExpenseReport.Row lodging = report.rows().get(lineOf(Category.LODGING));
        assertThat(lodging.estimated()).isEqualTo(24_000);
        assertThat(lodging.actual()).isEqualTo(26_000);
        assertThat(lodging.difference()).isEqualTo(2_000);
        assertThat(lodging.expenses()).containsExactly(hotel.id());
        assertThat(report.flags()).contains(new ExpenseReport.Flag(ExpenseReport.OVER_ESTIMATE, Optional.empty(), lineOf(Category.LODGING),
                List.of(new Money(24_000, "JPY"), new Money(26_000, "JPY"))));
        assertThat(report.rows()).hasSize(ESTIMATE.lines().size());
    }

    @Test void with_two_lines_of_a_category_the_expense_goes_where_the_traveller_says_or_is_unplanned() {
        int secondLeg = lineOf(Category.TRANSPORT) + 1;
        ActualExpense back = spent(Category.TRANSPORT, "Nozomi back", "", 14_170, null, secondLeg, true);
        ActualExpense taxi = spent(Category.TRANSPORT, "Taxi", "", 2_400, null, null, true);

        ExpenseReport report = report(back, taxi);

        assertThat(report.rows().get(secondLeg).actual()).isEqualTo(14_170);
        ExpenseReport.Row unplanned = report.rows().getLast();
        assertThat(unplanned.estimateLine()).isEqualTo(-1);
        assertThat(unplanned.estimated()).isZero();
        assertThat(unplanned.expenses()).containsExactly(taxi.id());
        assertThat(report.actualTotal()).isEqualTo(16_570);
        assertThat(report.estimatedTotal()).isEqualTo(ESTIMATE.total());
    }

    @Test void a_stay_above_the_cap_per_night_is_flagged_with_the_city_the_rate_and_the_cap() {
        ActualExpense hotel = spent(Category.LODGING, "Hotel Umeda", "大阪", 32_000, 2, null, true);

        assertThat(report(hotel).flags()).contains(new ExpenseReport.Flag(ExpenseReport.LODGING_OVER_CAP, Optional.of(hotel.id()), -1,
                List.of("大阪", new Money(16_000, "JPY"), new Money(14_000, "JPY"))));
        assertThat(report(spent(Category.LODGING, "Hotel", "Osaka", 28_000, 2, null, true)).flags())
                .noneMatch(f -> f.code().equals(ExpenseReport.LODGING_OVER_CAP));
    }

    @Test void every_cost_but_the_daily_allowance_needs_a_receipt() {
        ActualExpense gifts = spent(Category.OTHER, "Gifts", "", 4_000, null, null, false);
        ActualExpense allowance = spent(Category.PER_DIEM, "Allowance", "", 9_000, null, null, false);

        var flags = report(gifts, allowance).flags();

        assertThat(flags).contains(new ExpenseReport.Flag(ExpenseReport.MISSING_RECEIPT, Optional.of(gifts.id()), -1, List.of("Gifts")));
        assertThat(flags).noneMatch(f -> f.expense().equals(Optional.of(allowance.id())));
    }

    @Test void money_spent_on_a_day_outside_the_trip_is_flagged() {
        ActualExpense early = new ActualExpense(new ActualExpenseId(99), new TripId(1), new ActualExpenseDetails(DEC_1.minusDays(3),
                Category.OTHER, "Booking fee", "", 500, OptionalInt.empty(), OptionalInt.empty()), Optional.empty());

        assertThat(report(early).flags()).contains(new ExpenseReport.Flag(ExpenseReport.OUTSIDE_TRIP, Optional.of(early.id()), -1,
                List.of(DEC_1.minusDays(3), DEC_1, DEC_1.plusDays(2))));
    }

    @Test void a_line_the_estimate_no_longer_has_makes_the_expense_unplanned() {
        ActualExpense stale = spent(Category.OTHER, "Gifts", "", 4_000, null, 99, true);
        assertThat(report(stale).rows().getLast().expenses()).containsExactly(stale.id());
    }

    @Test void a_stay_needs_its_nights_and_city_and_a_receipt_only_photos_and_pdfs() {
        assertThatThrownBy(() -> new ActualExpenseDetails(DEC_1, Category.LODGING, "Hotel", "", 10_000, OptionalInt.empty(), OptionalInt.empty()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details()).extracting(f -> f.field()).contains("nights", "city"));
        assertThatThrownBy(() -> new Receipt(new FileKey("r/1"), "a.exe", "application/octet-stream", 10)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Receipt(new FileKey("r/1"), "a.jpg", "image/jpeg", Receipt.MAX_SIZE + 1)).isInstanceOf(InvalidInput.class);
    }
}
