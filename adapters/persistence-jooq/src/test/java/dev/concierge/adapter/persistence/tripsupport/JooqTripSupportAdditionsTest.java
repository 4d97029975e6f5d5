package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.tripsupport.model.ActualExpenseDetails;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.Receipt;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitWindow;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Visit windows, calendar subscriptions and actual expenses on a real PostgreSQL, one fresh database per test. */
class JooqTripSupportAdditionsTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    static final String HASH_A = "a".repeat(64);
    static final String HASH_B = "b".repeat(64);

    TestDatabase db;
    DSLContext dsl;
    JooqTripRepository trips;
    JooqVisitRepository visits;
    JooqVisitWindowRepository windows;
    JooqCalendarSubscriptionRepository subscriptions;
    JooqActualExpenseRepository expenses;

    @BeforeEach void freshDatabase() {
        db = TestDatabase.migrated();
        dsl = Jooq.context(db.dataSource());
        trips = new JooqTripRepository(dsl);
        visits = new JooqVisitRepository(dsl);
        windows = new JooqVisitWindowRepository(dsl);
        subscriptions = new JooqCalendarSubscriptionRepository(dsl);
        expenses = new JooqActualExpenseRepository(dsl);
    }

    @AfterEach void close() { db.close(); }

    CustomerVisit visit(Trip trip, int hour) {
        return visits.add(trip.id(), new VisitDetails("Acme", List.of(), "Umeda", LocalDate.of(2026, 12, 1).atTime(hour, 0),
                Duration.ofMinutes(60), "", ""));
    }

    Trip trip(UserId owner) {
        return trips.create(owner, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)), Optional.empty(), NOW);
    }

    @Test void a_window_is_set_replaced_read_per_trip_and_removed() {
        Trip trip = trip(ALICE);
        Trip other = trip(ALICE);
        CustomerVisit a = visit(trip, 9);
        CustomerVisit b = visit(other, 10);
        VisitWindow morning = new VisitWindow(LocalTime.of(9, 0), LocalTime.of(12, 0));
        VisitWindow afternoon = new VisitWindow(LocalTime.of(13, 0), LocalTime.of(17, 30));

        windows.save(a.id(), Optional.of(morning));
        windows.save(a.id(), Optional.of(afternoon));
        windows.save(b.id(), Optional.of(morning));

        assertThat(windows.find(a.id())).contains(afternoon);
        assertThat(windows.forTrip(trip.id())).isEqualTo(Map.of(a.id(), afternoon));
        windows.save(a.id(), Optional.empty());
        assertThat(windows.find(a.id())).isEmpty();
    }

    @Test void a_visits_window_goes_with_the_visit() {
        Trip trip = trip(ALICE);
        CustomerVisit a = visit(trip, 9);
        windows.save(a.id(), Optional.of(new VisitWindow(LocalTime.of(9, 0), LocalTime.of(12, 0))));

        visits.delete(a.id());

        assertThat(windows.find(a.id())).isEmpty();
    }

    @Test void the_database_refuses_a_window_that_closes_before_it_opens() {
        Trip trip = trip(ALICE);
        CustomerVisit a = visit(trip, 9);
        assertThatThrownBy(() -> dsl.execute("INSERT INTO trip_support.visit_windows VALUES (" + a.id() + ", '12:00', '09:00')"))
                .hasMessageContaining("check");
    }

    @Test void a_subscription_is_found_by_its_hash_replaced_and_deleted() {
        subscriptions.replace(ALICE, HASH_A, NOW);
        subscriptions.replace(BOB, HASH_B, NOW);
        assertThat(subscriptions.ownerOf(HASH_A)).contains(ALICE);
        assertThat(subscriptions.createdAt(ALICE)).contains(NOW);

        subscriptions.replace(ALICE, "c".repeat(64), NOW.plusSeconds(60));
        assertThat(subscriptions.ownerOf(HASH_A)).isEmpty();
        assertThat(subscriptions.createdAt(ALICE)).contains(NOW.plusSeconds(60));

        subscriptions.delete(ALICE);
        assertThat(subscriptions.ownerOf("c".repeat(64))).isEmpty();
        assertThat(subscriptions.ownerOf(HASH_B)).contains(BOB);
    }

    @Test void an_actual_expense_reads_back_whole_with_its_receipt_in_spending_order() {
        Trip trip = trip(ALICE);
        var hotel = expenses.add(trip.id(), new ActualExpenseDetails(LocalDate.of(2026, 12, 2), ExpenseEstimate.Category.LODGING, "Hotel Umeda",
                "大阪", 26_000, OptionalInt.of(2), OptionalInt.of(3)));
        var taxi = expenses.add(trip.id(), new ActualExpenseDetails(LocalDate.of(2026, 12, 1), ExpenseEstimate.Category.TRANSPORT, "Taxi",
                "", 2_400, OptionalInt.empty(), OptionalInt.empty()));
        Receipt receipt = new Receipt(new FileKey("trip-support/receipts/1/1-x"), "hotel.pdf", "application/pdf", 1234);

        var withReceipt = expenses.setReceipt(hotel.id(), Optional.of(receipt));

        assertThat(withReceipt.receipt()).contains(receipt);
        assertThat(expenses.find(hotel.id())).contains(withReceipt);
        assertThat(expenses.forTrip(trip.id())).containsExactly(taxi, withReceipt);
        expenses.delete(taxi.id());
        assertThat(expenses.forTrip(trip.id())).containsExactly(withReceipt);
    }

    @Test void a_report_is_filed_once() {
        Trip trip = trip(ALICE);
        assertThat(expenses.filedAt(trip.id())).isEmpty();
        assertThat(expenses.file(trip.id(), NOW)).isTrue();
        assertThat(expenses.file(trip.id(), NOW.plusSeconds(5))).isFalse();
        assertThat(expenses.filedAt(trip.id())).contains(NOW);
    }
}
