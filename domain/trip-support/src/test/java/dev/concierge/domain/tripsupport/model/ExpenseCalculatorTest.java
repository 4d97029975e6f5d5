package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Category;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Line;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Phrase;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Violation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The estimate under the built-in domestic-Japan policy: A cities ¥3,000/day and ¥14,000/night, B ¥2,500 and ¥11,000. */
class ExpenseCalculatorTest {
    static final TravelPolicy POLICY = TravelPolicy.domesticJapan();
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    static TripDetails trip(int days, String... destinations) {
        return new TripDetails("Trip", "", "Tokyo", List.of(destinations), DEC_1, DEC_1.plusDays(days - 1));
    }

    static ExpenseEstimate.Money yen(long amount) { return new ExpenseEstimate.Money(amount, "JPY"); }

    static ExpensePlan plan(List<ExpensePlan.TransportLeg> transport, List<ExpensePlan.Lodging> lodging, List<ExpensePlan.OtherCost> other) {
        return new ExpensePlan(transport, lodging, other);
    }

    static ExpensePlan.TransportLeg leg(LocalDate date, TransportClass travelClass, long fare) {
        return new ExpensePlan.TransportLeg("Tokyo", "Shin-Osaka", date, travelClass, fare);
    }

    @Test void an_empty_plan_still_gets_the_per_diem_for_every_day_of_the_trip() {
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip(3, "Matsue"), ExpensePlan.empty(), POLICY);

        assertThat(estimate.lines()).singleElement().satisfies(line -> {
            assertThat(line.category()).isEqualTo(Category.PER_DIEM);
            assertThat(line.amount()).isEqualTo(3 * 2_500);
            assertThat(line.rule()).isEqualTo(Phrase.of("per_diem_rate", yen(2_500), "B", "Matsue"));
        });
        assertThat(estimate.total()).isEqualTo(7_500);
        assertThat(estimate.violations()).isEmpty();
        assertThat(estimate.currency()).isEqualTo("JPY");
    }

    @Test void the_per_diem_follows_the_costliest_destination_of_the_trip() {
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip(2, "Matsue", "Osaka"), ExpensePlan.empty(), POLICY);

        assertThat(estimate.lines().getFirst().amount()).isEqualTo(2 * 3_000);
        assertThat(estimate.lines().getFirst().rule().args()).containsExactly(yen(3_000), "A", "Osaka");
    }

    @Test void lodging_is_nights_times_rate_with_the_city_cap_as_its_rule() {
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip(3, "Osaka"),
                plan(List.of(), List.of(new ExpensePlan.Lodging("Osaka", 2, 13_500)), List.of()), POLICY);

        assertThat(estimate.lines().get(1)).extracting(Line::category, Line::amount).containsExactly(Category.LODGING, 27_000L);
        assertThat(estimate.lines().get(1).rule()).isEqualTo(Phrase.of("lodging_cap", yen(14_000), "A"));
        assertThat(estimate.lines().get(1).description()).isEqualTo(Phrase.of("lodging", "Osaka", 2, yen(13_500)));
        assertThat(estimate.violations()).isEmpty();
    }

    @Test void a_hotel_exactly_at_the_cap_is_allowed_and_one_yen_above_is_a_violation_pointing_at_its_line() {
        ExpenseEstimate atCap = ExpenseCalculator.estimate(trip(2, "Matsue"),
                plan(List.of(), List.of(new ExpensePlan.Lodging("Matsue", 1, 11_000)), List.of()), POLICY);
        ExpenseEstimate above = ExpenseCalculator.estimate(trip(2, "Matsue"),
                plan(List.of(), List.of(new ExpensePlan.Lodging("Matsue", 1, 11_001)), List.of()), POLICY);

        assertThat(atCap.violations()).isEmpty();
        assertThat(above.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("lodging_over_cap");
            assertThat(v.line()).isEqualTo(1);
            assertThat(v.rule()).isEqualTo(above.lines().get(1).rule());
            assertThat(v.args()).containsExactly("Matsue", yen(11_001), yen(11_000));
        });
    }

    @Test void more_lodging_nights_than_the_trip_has_is_a_violation_of_the_whole_plan() {
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip(2, "Osaka"),
                plan(List.of(), List.of(new ExpensePlan.Lodging("Osaka", 1, 10_000), new ExpensePlan.Lodging("Kyoto", 1, 10_000)), List.of()), POLICY);

        assertThat(estimate.violations()).extracting(Violation::code, Violation::line).containsExactly(tuple("lodging_exceeds_trip", -1));
        assertThat(estimate.violations().getFirst().args()).containsExactly(2L, 1L);
    }

    @SuppressWarnings("unchecked")
    @Test void a_transport_class_the_policy_does_not_allow_is_a_violation_on_its_line() {
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip(2, "Osaka"),
                plan(List.of(leg(DEC_1, TransportClass.SHINKANSEN_ORDINARY, 14_720), leg(DEC_1.plusDays(1), TransportClass.SHINKANSEN_GREEN, 19_990)),
                        List.of(), List.of()), POLICY);

        assertThat(estimate.lines()).extracting(Line::category).containsExactly(Category.PER_DIEM, Category.TRANSPORT, Category.TRANSPORT);
        assertThat(estimate.violations()).extracting(Violation::code, Violation::line).containsExactly(tuple("transport_class_not_allowed", 2));
        assertThat(estimate.violations().getFirst().rule().code()).isEqualTo("allowed_transport");
        assertThat((List<Object>) estimate.violations().getFirst().rule().args().getFirst()).contains(TransportClass.SHINKANSEN_ORDINARY)
                .doesNotContain(TransportClass.SHINKANSEN_GREEN);
        assertThat(estimate.violations().getFirst().args()).containsExactly(TransportClass.SHINKANSEN_GREEN, "Tokyo", "Shin-Osaka");
    }

    @Test void a_leg_outside_the_trip_dates_is_a_violation() {
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip(2, "Osaka"),
                plan(List.of(leg(DEC_1.minusDays(1), TransportClass.SHINKANSEN_ORDINARY, 14_720)), List.of(), List.of()), POLICY);

        assertThat(estimate.violations()).extracting(Violation::code, Violation::line).containsExactly(tuple("transport_outside_trip", 1));
    }

    @Test void a_leg_can_break_two_rules_at_once() {
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip(1, "Osaka"),
                plan(List.of(leg(DEC_1.plusDays(5), TransportClass.BUSINESS_AIR, 90_000)), List.of(), List.of()), POLICY);

        assertThat(estimate.violations()).extracting(Violation::code).containsExactly("transport_class_not_allowed", "transport_outside_trip");
    }

    @Test void other_costs_are_lines_of_their_own_and_the_total_adds_every_line() {
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip(2, "Osaka"),
                plan(List.of(leg(DEC_1, TransportClass.SHINKANSEN_ORDINARY, 14_720), leg(DEC_1.plusDays(1), TransportClass.SHINKANSEN_ORDINARY, 14_720)),
                        List.of(new ExpensePlan.Lodging("Osaka", 1, 12_000)),
                        List.of(new ExpensePlan.OtherCost("Gift", 5_000))), POLICY);

        assertThat(estimate.lines()).extracting(Line::category, Line::amount).containsExactly(
                tuple(Category.PER_DIEM, 6_000L), tuple(Category.LODGING, 12_000L), tuple(Category.TRANSPORT, 14_720L),
                tuple(Category.TRANSPORT, 14_720L), tuple(Category.OTHER, 5_000L));
        assertThat(estimate.total()).isEqualTo(6_000 + 12_000 + 14_720 + 14_720 + 5_000);
        assertThat(estimate.lines()).extracting(line -> line.rule().code())
                .containsExactly("per_diem_rate", "lodging_cap", "allowed_transport", "allowed_transport", "receipts");
    }

    @Test void a_total_above_the_threshold_needs_approval_and_one_exactly_at_it_does_not() {
        // 1 day in class A: ¥3,000 per-diem, so other costs make the total land on and just above ¥150,000.
        ExpenseEstimate at = ExpenseCalculator.estimate(trip(1, "Osaka"),
                plan(List.of(), List.of(), List.of(new ExpensePlan.OtherCost("Seminar fee", 147_000))), POLICY);
        ExpenseEstimate above = ExpenseCalculator.estimate(trip(1, "Osaka"),
                plan(List.of(), List.of(), List.of(new ExpensePlan.OtherCost("Seminar fee", 147_001))), POLICY);

        assertThat(at.total()).isEqualTo(150_000);
        assertThat(at.approvalRequired()).isFalse();
        assertThat(above.approvalRequired()).isTrue();
        assertThat(above.approvalThreshold()).isEqualTo(150_000);
    }

    @Test void amounts_carry_the_policy_currency() {
        var p = TravelPolicyTest.with("currency", "EUR");
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip(1, "Osaka"), ExpensePlan.empty(), TravelPolicy.parse(p));

        assertThat(estimate.currency()).isEqualTo("EUR");
        assertThat(estimate.lines().getFirst().description().args()).containsExactly(1L, new ExpenseEstimate.Money(3_000, "EUR"));
    }

    @Test void the_same_input_always_gives_the_same_estimate() {
        var plan = plan(List.of(leg(DEC_1, TransportClass.BUS, 3_000)), List.of(new ExpensePlan.Lodging("Kobe", 1, 15_000)), List.of());

        assertThat(ExpenseCalculator.estimate(trip(2, "Kobe"), plan, POLICY)).isEqualTo(ExpenseCalculator.estimate(trip(2, "Kobe"), plan, POLICY));
    }

    @Test void plan_entries_are_validated_with_field_names() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExpensePlan.Lodging("", 0, -1))
                .isInstanceOfSatisfying(dev.concierge.domain.kernel.InvalidInput.class, e -> assertThat(e.details())
                        .extracting(dev.concierge.domain.kernel.FieldError::field).containsExactly("city", "nights", "ratePerNight"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExpensePlan.TransportLeg("a", "b", null, null, ExpensePlan.MAX_AMOUNT + 1))
                .isInstanceOfSatisfying(dev.concierge.domain.kernel.InvalidInput.class, e -> assertThat(e.details())
                        .extracting(dev.concierge.domain.kernel.FieldError::field).containsExactly("date", "travelClass", "fare"));
    }
}
