package dev.concierge.domain.tripsupport.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A dated, graded policy: each edition from its date, each grade its own rates where the policy names them. */
class TravelPolicyBookTest {
    static final LocalDate CHANGE = LocalDate.of(2025, 4, 1);

    static Properties properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    /** Before 2025-04-01 a flat ¥11,000 cap; from then Tokyo's cap is ¥19,000 (¥23,000 for managers) plus ¥2,400 a night. */
    static final TravelPolicyBook BOOK = TravelPolicyBook.parse(properties("""
            default.city.class=B
            city.class.T=東京都,Tokyo
            per.diem.T=2000
            per.diem.B=2000
            lodging.cap.T=11000
            lodging.cap.B=11000
            transport.allowed=shinkansen-ordinary
            approval.threshold=100000
            from.2025-04-01.lodging.cap.T=19000
            from.2025-04-01.lodging.cap.T.manager=23000
            from.2025-04-01.lodging.allowance=2400
            from.2025-04-01.lodging.allowance.manager=3000
            from.2025-04-01.per.diem.T=0
            from.2025-04-01.per.diem.B=0
            """));

    @Test void a_trip_gets_the_edition_in_effect_when_it_starts_so_old_trips_keep_their_rules() {
        assertThat(BOOK.editions()).extracting(TravelPolicy::effectiveFrom).containsExactly(TravelPolicy.SINCE_EVER, CHANGE);
        assertThat(BOOK.effectiveOn(CHANGE.minusDays(1)).lodgingCapFor("Tokyo")).isEqualTo(11_000);
        assertThat(BOOK.effectiveOn(CHANGE).lodgingCapFor("Tokyo")).isEqualTo(19_000);
        assertThat(BOOK.effectiveOn(LocalDate.of(2030, 1, 1)).lodgingCapFor("東京都")).isEqualTo(19_000);
        assertThat(BOOK.effectiveOn(LocalDate.of(1900, 1, 1))).as("before every edition: the first").isEqualTo(BOOK.editions().getFirst());
    }

    @Test void a_later_edition_repeats_the_earlier_one_except_what_it_changes() {
        TravelPolicy later = BOOK.latest();

        assertThat(later.lodgingCapFor("Matsue")).isEqualTo(11_000);
        assertThat(later.allows(TransportClass.SHINKANSEN_ORDINARY)).isTrue();
        assertThat(later.approvalThreshold()).isEqualTo(100_000);
    }

    @Test void a_grade_gets_its_own_rate_where_named_and_the_class_rate_elsewhere() {
        TravelPolicy later = BOOK.latest();

        assertThat(later.lodgingCapFor("manager", "Tokyo")).isEqualTo(23_000);
        assertThat(later.lodgingCapFor("staff", "Tokyo")).isEqualTo(19_000);
        assertThat(later.lodgingCapFor("manager", "Matsue")).isEqualTo(11_000);
        assertThat(later.lodgingAllowanceFor("manager")).isEqualTo(3_000);
        assertThat(later.lodgingAllowanceFor("staff")).isEqualTo(2_400);
        assertThat(BOOK.effectiveOn(CHANGE.minusDays(1)).lodgingAllowanceFor("staff")).isZero();
    }

    @Test void the_estimate_uses_the_grade_and_the_edition_and_pays_the_lodging_allowance_per_night() {
        TripDetails trip = new TripDetails("Tokyo", "", "Osaka", List.of("Tokyo"), LocalDate.of(2025, 5, 12), LocalDate.of(2025, 5, 14));
        ExpensePlan plan = new ExpensePlan(List.of(), List.of(new ExpensePlan.Lodging("Tokyo", 2, 21_000)), List.of());

        ExpenseEstimate staff = ExpenseCalculator.estimate(trip, plan, BOOK, "staff");
        ExpenseEstimate manager = ExpenseCalculator.estimate(trip, plan, BOOK, "manager");

        assertThat(staff.violations()).extracting(ExpenseEstimate.Violation::code).containsExactly("lodging_over_cap");
        assertThat(manager.violations()).isEmpty();
        assertThat(staff.lines()).filteredOn(l -> l.category() == ExpenseEstimate.Category.LODGING_ALLOWANCE).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualTo(2 * 2_400));
        assertThat(manager.total()).isEqualTo(2 * 21_000 + 2 * 3_000);
        ExpenseEstimate before = ExpenseCalculator.estimate(new TripDetails("Tokyo", "", "Osaka", List.of("Tokyo"),
                LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 12)), plan, BOOK, "manager");
        assertThat(before.violations()).as("the old cap for a trip before the change").extracting(ExpenseEstimate.Violation::code)
                .containsExactly("lodging_over_cap");
        assertThat(before.lines()).noneMatch(l -> l.category() == ExpenseEstimate.Category.LODGING_ALLOWANCE);
    }

    @Test void a_wrong_edition_is_refused_naming_its_date_and_key() {
        assertThatThrownBy(() -> TravelPolicyBook.parse(properties("""
                default.city.class=B
                per.diem.B=2000
                lodging.cap.B=11000
                transport.allowed=bus
                approval.threshold=1
                from.2025-04-01.lodging.cap.X.manager=5
                from.2025-13-01.per.diem.B=1
                from.soon.per.diem.B=1
                """))).isInstanceOf(TravelPolicy.InvalidPolicy.class)
                .hasMessageContaining("edition from 2025-04-01: lodging.cap.X.manager")
                .hasMessageContaining("'2025-13-01' is not a date")
                .hasMessageContaining("from.soon.per.diem.B");
    }

    @Test void a_file_without_editions_is_one_edition_for_ever() {
        TravelPolicyBook flat = TravelPolicyBook.parse(properties("""
                default.city.class=B
                per.diem.B=2000
                lodging.cap.B=11000
                transport.allowed=bus
                approval.threshold=1
                """));

        assertThat(flat.editions()).hasSize(1);
        assertThat(flat.effectiveOn(LocalDate.of(2025, 4, 1)).lodgingAllowanceFor("staff")).isZero();
    }

    @Test void a_destination_closer_than_the_minimum_distance_is_not_a_business_trip_and_gets_no_allowances() {
        TravelPolicy policy = TravelPolicyBook.parse(properties("""
                default.city.class=B
                per.diem.B=2000
                lodging.cap.B=11000
                lodging.allowance=2400
                trip.min.distance.km=50
                transport.allowed=bus
                approval.threshold=100000
                """)).latest();
        ExpensePlan night = new ExpensePlan(List.of(), List.of(new ExpensePlan.Lodging("Yokohama", 1, 9_000)), List.of());

        ExpenseEstimate near = ExpenseCalculator.estimate(new TripDetails("Near", "", "Tokyo", List.of("Yokohama"),
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6)), night, policy, "staff");
        ExpenseEstimate far = ExpenseCalculator.estimate(new TripDetails("Far", "", "東京", List.of("大阪"),
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6)), night, policy, "staff");
        ExpenseEstimate unknown = ExpenseCalculator.estimate(new TripDetails("Unknown", "", "Tokyo", List.of("Tsukuba"),
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6)), night, policy, "staff");

        assertThat(CityLocations.distanceKm("Tokyo", "Yokohama")).hasValueSatisfying(km -> assertThat(km).isBetween(20L, 35L));
        assertThat(CityLocations.distanceKm("東京", "大阪")).hasValueSatisfying(km -> assertThat(km).isBetween(390L, 410L));
        assertThat(near.total()).as("the hotel only").isEqualTo(9_000);
        assertThat(near.lines().getFirst().rule()).isEqualTo(ExpenseEstimate.Phrase.of("min_trip_distance", 50L));
        assertThat(far.total()).isEqualTo(2 * 2_000 + 9_000 + 2_400);
        assertThat(unknown.total()).as("an unknown distance counts as a trip").isEqualTo(far.total());
    }
}
