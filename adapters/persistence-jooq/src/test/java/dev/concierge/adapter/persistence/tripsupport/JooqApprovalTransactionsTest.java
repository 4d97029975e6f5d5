package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.application.ApproveTripsService;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.Traveller;
import dev.concierge.domain.tripsupport.model.TravelPolicy;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.port.in.DecideApprovalCommand;
import dev.concierge.domain.tripsupport.port.in.SubmitTripCommand;
import dev.concierge.domain.tripsupport.port.out.ApprovalRepository;
import dev.concierge.domain.tripsupport.port.out.NotificationMail;
import dev.concierge.domain.tripsupport.port.out.TripRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.APPROVAL_REQUESTS;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A submission (the trip's new status, its approval request, the manager's notification) and a decision (the request's
 * outcome, the trip's status) each commit as one transaction on a real PostgreSQL: a crash after the first write
 * leaves nothing behind.
 */
class JooqApprovalTransactionsTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId MIKE = new UserId("mike");
    static final Actor BOB = new Actor(new UserId("bob"), Set.of("trip-approvers"));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    TestDatabase db;
    DSLContext root;
    JooqTripSupportTransactions transactions;
    JooqTripRepository trips;
    JooqApprovalRepository approvals;

    @BeforeEach void freshDatabase() {
        db = TestDatabase.migrated();
        root = Jooq.context(db.dataSource());
        transactions = new JooqTripSupportTransactions(root);
        trips = new JooqTripRepository(transactions.dsl());
        approvals = new JooqApprovalRepository(transactions.dsl());
    }

    @AfterEach void close() { db.close(); }

    ApproveTripsService service(TripRepository tripRepository, ApprovalRepository approvalRepository) {
        return new ApproveTripsService(tripRepository, new JooqExpensePlanRepository(transactions.dsl()), TravelPolicy::domesticJapan,
                approvalRepository, transactions, new JooqNotificationInbox(transactions.dsl()),
                user -> new Traveller(user, "staff", Optional.of(MIKE), Optional.empty()), NotificationMail.OFF,
                Optional.of("trip-approvers"), CLOCK);
    }

    Trip plannedTrip() {
        return trips.create(ALICE, new TripDetails("Osaka customers", "Renewals", "Tokyo", List.of("Osaka"),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)), Optional.empty(), CLOCK.instant());
    }

    /** The real repository, except that {@code method} first does its work and then the process "crashes". */
    @SuppressWarnings("unchecked")
    static <T> T crashingAfter(Class<T> port, T real, String method) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, m, args) -> {
            Object result;
            try {
                result = m.invoke(real, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
            if (m.getName().equals(method)) throw new IllegalStateException("crash after " + method);
            return result;
        });
    }

    @Test void a_submission_commits_the_trip_the_request_and_the_managers_notification_together() {
        Trip trip = plannedTrip();

        ApprovalRequest request = service(trips, approvals).submit(new SubmitTripCommand(ALICE, trip.id(), trip.version(), Map.of()));

        assertThat(trips.find(trip.id()).orElseThrow().status()).isEqualTo(TripStatus.SUBMITTED);
        assertThat(approvals.forTrip(trip.id())).extracting(ApprovalRequest::id).containsExactly(request.id());
        assertThat(root.fetchCount(NOTIFICATIONS)).isEqualTo(1);
    }

    @Test void a_crash_after_the_approval_request_is_written_leaves_the_trip_planned_and_no_request() {
        Trip trip = plannedTrip();
        ApproveTripsService crashing = service(trips, crashingAfter(ApprovalRepository.class, approvals, "add"));

        assertThatThrownBy(() -> crashing.submit(new SubmitTripCommand(ALICE, trip.id(), trip.version(), Map.of())))
                .hasMessageContaining("crash after add");

        Trip after = trips.find(trip.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TripStatus.PLANNED);
        assertThat(after.version()).isEqualTo(trip.version());
        assertThat(root.fetchCount(APPROVAL_REQUESTS)).isZero();
        assertThat(root.fetchCount(NOTIFICATIONS)).isZero();
        // And the trip can still be submitted once the failure is gone.
        service(trips, approvals).submit(new SubmitTripCommand(ALICE, trip.id(), trip.version(), Map.of()));
        assertThat(trips.find(trip.id()).orElseThrow().status()).isEqualTo(TripStatus.SUBMITTED);
    }

    @Test void a_crash_after_the_trip_is_saved_as_approved_leaves_the_request_undecided() {
        Trip trip = plannedTrip();
        ApprovalRequest request = service(trips, approvals).submit(new SubmitTripCommand(ALICE, trip.id(), trip.version(), Map.of()));
        ApproveTripsService crashing = service(crashingAfter(TripRepository.class, trips, "save"), approvals);

        assertThatThrownBy(() -> crashing.decide(new DecideApprovalCommand(BOB, request.id(), ApprovalRequest.Outcome.APPROVED, "")))
                .hasMessageContaining("crash after save");

        assertThat(approvals.find(request.id()).orElseThrow().pending()).isTrue();
        assertThat(trips.find(trip.id()).orElseThrow().status()).isEqualTo(TripStatus.SUBMITTED);
        assertThat(approvals.pendingFor(BOB, new PageRequest(10, 0)).items()).extracting(ApprovalRequest::id).containsExactly(request.id());
    }

    @Test void outside_a_transaction_each_statement_commits_on_its_own_and_a_repositorys_own_transaction_still_works() {
        Trip trip = plannedTrip();
        trips.delete(trip.id(), CLOCK.instant(), CLOCK.instant().minusSeconds(3600)); // its own transaction inside
        assertThat(trips.find(trip.id())).isEmpty();
        assertThat(trips.restore(trip.id(), ALICE)).isTrue();
    }

    @Test void a_transaction_inside_a_transaction_joins_it_and_rolls_back_with_it() {
        Trip trip = plannedTrip();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            transactions.inTransaction(() -> trips.save(trip.submit(CLOCK.instant())));
            throw new IllegalStateException("crash");
        })).hasMessage("crash");
        assertThat(trips.find(trip.id()).orElseThrow().status()).isEqualTo(TripStatus.PLANNED);
    }
}
