package dev.concierge.domain.tripsupport.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Foreign destinations priced in their currency, converted at a dated rate; totals in the policy's currency (yen). */
class ExchangeRatesTest {
    static final TravelPolicyBook BOOK = TravelPolicyBook.parse(TravelPolicyBookTest.properties("""
            default.city.class=B
            city.class.F=New York,London
            per.diem.F=6000
            per.diem.B=2500
            lodging.cap.F=30000
            lodging.cap.B=11000
            transport.allowed=economy-air,local-train
            approval.threshold=500000
            rate.USD.2026-01-01=150
            rate.USD.2026-04-01=140.50
            rate.GBP.2026-01-01=190.25
            """));

    static TripDetails newYork(LocalDate start) {
        return new TripDetails("NY", "", "Tokyo", List.of("New York"), start, start.plusDays(2));
    }

    @Test void a_rate_holds_from_its_date_until_the_next_and_there_is_none_before_the_first() {
        ExchangeRates rates = BOOK.rates();

        assertThat(rates.on("USD", LocalDate.of(2026, 3, 31))).hasValueSatisfying(r -> assertThat(r.perUnit()).isEqualByComparingTo("150"));
        assertThat(rates.on("USD", LocalDate.of(2026, 4, 1))).hasValueSatisfying(r -> {
            assertThat(r.perUnit()).isEqualByComparingTo("140.50");
            assertThat(r.since()).isEqualTo(LocalDate.of(2026, 4, 1));
        });
        assertThat(rates.on("USD", LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(rates.on("EUR", LocalDate.of(2026, 5, 1))).isEmpty();
        assertThat(ExchangeRates.convert(199, new ExchangeRates.Rate(new BigDecimal("140.50"), LocalDate.MIN))).isEqualTo(27_960); // 27,959.5 rounds up
    }

    @Test void a_hotel_abroad_is_priced_in_dollars_converted_to_yen_and_checked_against_the_yen_cap() {
        ExpensePlan plan = new ExpensePlan(List.of(new ExpensePlan.TransportLeg("Tokyo", "New York", LocalDate.of(2026, 5, 10),
                TransportClass.ECONOMY_AIR, 180_000)), List.of(new ExpensePlan.Lodging("New York", 2, 250, "usd")),
                List.of(new ExpensePlan.OtherCost("Taxi", 40, "USD")));

        ExpenseEstimate estimate = ExpenseCalculator.estimate(newYork(LocalDate.of(2026, 5, 10)), plan, BOOK, "staff");

        ExpenseEstimate.Line hotel = estimate.lines().stream().filter(l -> l.category() == ExpenseEstimate.Category.LODGING).findFirst().orElseThrow();
        assertThat(hotel.amount()).isEqualTo(2 * 35_125); // $250 × 140.50
        assertThat(hotel.foreign()).hasValueSatisfying(f -> {
            assertThat(f.amount()).isEqualTo(new ExpenseEstimate.Money(500, "USD"));
            assertThat(f.rate()).isEqualByComparingTo("140.50");
        });
        assertThat(hotel.description().args()).contains(new ExpenseEstimate.Money(250, "USD"));
        assertThat(estimate.violations()).extracting(ExpenseEstimate.Violation::code).containsExactly("lodging_over_cap");
        assertThat(estimate.violations().getFirst().args()).contains(new ExpenseEstimate.Money(35_125, "JPY"));
        assertThat(estimate.currency()).isEqualTo("JPY");
        assertThat(estimate.total()).isEqualTo(3 * 6_000 + 2 * 35_125 + 180_000 + 5_620);
    }

    @Test void the_rate_of_the_trips_day_applies_so_an_older_trip_keeps_its_rate() {
        ExpensePlan plan = new ExpensePlan(List.of(), List.of(new ExpensePlan.Lodging("New York", 1, 100, "USD")), List.of());

        long march = ExpenseCalculator.estimate(newYork(LocalDate.of(2026, 3, 1)), plan, BOOK, "staff").lines().get(1).amount();
        long may = ExpenseCalculator.estimate(newYork(LocalDate.of(2026, 5, 1)), plan, BOOK, "staff").lines().get(1).amount();

        assertThat(march).isEqualTo(15_000);
        assertThat(may).isEqualTo(14_050);
    }

    @Test void a_currency_without_a_rate_that_day_is_a_violation_and_adds_nothing_to_the_total() {
        ExpensePlan plan = new ExpensePlan(List.of(), List.of(), List.of(new ExpensePlan.OtherCost("Museum", 30, "EUR")));

        ExpenseEstimate estimate = ExpenseCalculator.estimate(newYork(LocalDate.of(2026, 5, 1)), plan, BOOK, "staff");

        assertThat(estimate.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("no_exchange_rate");
            assertThat(v.args()).containsExactly("EUR", LocalDate.of(2026, 5, 1));
            assertThat(v.line()).isEqualTo(1);
        });
        assertThat(estimate.total()).isEqualTo(3 * 6_000);
    }

    @Test void an_amount_in_the_policys_own_currency_is_not_converted() {
        ExpensePlan plan = new ExpensePlan(List.of(), List.of(new ExpensePlan.Lodging("Osaka", 1, 9_000, "JPY")), List.of());

        ExpenseEstimate estimate = ExpenseCalculator.estimate(newYork(LocalDate.of(2026, 5, 1)), plan, BOOK, "staff");

        assertThat(estimate.lines().get(1).amount()).isEqualTo(9_000);
        assertThat(estimate.lines().get(1).foreign()).isEmpty();
    }

    @Test void a_bad_currency_code_or_rate_is_refused() {
        assertThatThrownBy(() -> new ExpensePlan.OtherCost("x", 1, "dollars")).isInstanceOf(dev.concierge.domain.kernel.InvalidInput.class);
        assertThatThrownBy(() -> TravelPolicyBook.parse(TravelPolicyBookTest.properties("""
                default.city.class=B
                per.diem.B=1
                lodging.cap.B=1
                transport.allowed=bus
                approval.threshold=1
                rate.USD.2026-01-01=-3
                rate.usd.2026-01-01=150
                """))).hasMessageContaining("rate.USD.2026-01-01: needs a valid date and a positive rate")
                .hasMessageContaining("rate.usd.2026-01-01: a rate's key is rate.<ISO code>.<yyyy-mm-dd>");
    }
}
