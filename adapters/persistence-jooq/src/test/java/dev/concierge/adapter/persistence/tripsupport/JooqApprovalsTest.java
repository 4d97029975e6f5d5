package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.Approvers;
import dev.concierge.domain.tripsupport.model.ExpenseCalculator;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.Submission;
import dev.concierge.domain.tripsupport.model.TransportClass;
import dev.concierge.domain.tripsupport.model.TravelPolicy;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripStatus;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.APPROVAL_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Approval requests, their decisions and the notifications on a real PostgreSQL, one fresh database per test. */
class JooqApprovalsTest {
    static final UserId ALICE = new UserId("alice");
    static final Actor BOB = new Actor(new UserId("bob"), Set.of("trip-approvers"));
    static final Actor MIKE = new Actor(new UserId("mike"), Set.of());
    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    TestDatabase db;
    DSLContext dsl;
    JooqTripRepository trips;
    JooqApprovalRepository approvals;
    JooqNotificationInbox inbox;

    @BeforeEach void freshDatabase() {
        db = TestDatabase.migrated();
        dsl = Jooq.context(db.dataSource());
        trips = new JooqTripRepository(dsl);
        approvals = new JooqApprovalRepository(dsl);
        inbox = new JooqNotificationInbox(dsl);
    }

    @AfterEach void close() { db.close(); }

    Submission submission(Approvers approvers) {
        Trip trip = trips.create(ALICE, new TripDetails("Osaka customers", "Renewals", "Tokyo", List.of("Osaka", "Matsue"),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 3)), Optional.empty(), NOW);
        ExpensePlan plan = new ExpensePlan(List.of(new ExpensePlan.TransportLeg("Tokyo", "Osaka", LocalDate.of(2026, 12, 1), TransportClass.SHINKANSEN_GREEN, 19_000)),
                List.of(new ExpensePlan.Lodging("Osaka", 2, 18_000)), List.of(new ExpensePlan.OtherCost("Gift", 3_000)));
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip.details(), plan, TravelPolicy.domesticJapan());
        Map<String, String> why = new java.util.HashMap<>();
        estimate.violations().forEach(v -> why.put(v.key(), "Because of " + v.code()));
        trips.save(trip.submit(NOW));
        return Submission.of(trip, estimate, why, approvers, NOW);
    }

    @Test void a_submission_reads_back_whole_with_its_frozen_estimate_and_justifications() {
        Submission submission = submission(new Approvers(Optional.of("trip-approvers"), Optional.of(MIKE.user())));

        ApprovalRequest stored = approvals.add(submission);

        ApprovalRequest read = approvals.find(stored.id()).orElseThrow();
        assertThat(read.pending()).isTrue();
        assertThat(read.submission().details()).isEqualTo(submission.details());
        assertThat(read.submission().justifications()).isEqualTo(submission.justifications()).isNotEmpty();
        assertThat(read.submission().approvers()).isEqualTo(submission.approvers());
        ExpenseEstimate frozen = read.submission().estimate();
        assertThat(frozen.total()).isEqualTo(submission.estimate().total());
        assertThat(frozen.lines()).extracting(ExpenseEstimate.Line::description).isEqualTo(normalised(submission.estimate()).lines().stream()
                .map(ExpenseEstimate.Line::description).toList());
        assertThat(frozen.violations()).extracting(ExpenseEstimate.Violation::key)
                .containsExactlyElementsOf(submission.estimate().violations().stream().map(ExpenseEstimate.Violation::key).toList());
        assertThat(frozen.violations().getFirst().args()).anySatisfy(arg -> assertThat(arg).isInstanceOf(ExpenseEstimate.Money.class));
    }

    /** Whole numbers come back as long: the figures are the same, their Java type is not kept. */
    static ExpenseEstimate normalised(ExpenseEstimate e) {
        return new ExpenseEstimate(e.currency(), e.lines().stream().map(l -> new ExpenseEstimate.Line(l.category(),
                new ExpenseEstimate.Phrase(l.description().code(), l.description().args().stream()
                        .map(a -> a instanceof Integer i ? (Object) i.longValue() : a).toList()), l.amount(), l.rule())).toList(),
                e.total(), e.violations(), e.approvalRequired(), e.approvalThreshold());
    }

    @Test void an_approver_sees_the_requests_of_their_group_or_naming_them_and_never_their_own() {
        ApprovalRequest byGroup = approvals.add(submission(new Approvers(Optional.of("trip-approvers"), Optional.empty())));
        ApprovalRequest byManager = approvals.add(submission(new Approvers(Optional.of("other-group"), Optional.of(MIKE.user()))));

        assertThat(approvals.pendingFor(BOB, PageRequest.first()).items()).extracting(ApprovalRequest::id).containsExactly(byGroup.id());
        assertThat(approvals.pendingFor(MIKE, PageRequest.first()).items()).extracting(ApprovalRequest::id).containsExactly(byManager.id());
        assertThat(approvals.pendingFor(new Actor(ALICE, Set.of("trip-approvers")), PageRequest.first()).total()).isZero();
    }

    @Test void a_request_is_decided_once_and_leaves_the_queue_but_stays_in_the_history() {
        ApprovalRequest request = approvals.add(submission(new Approvers(Optional.of("trip-approvers"), Optional.empty())));
        var decision = new ApprovalRequest.Decision(ApprovalRequest.Outcome.REJECTED, BOB.user(), NOW.plusSeconds(60), "Take the train");

        assertThat(approvals.decide(request.id(), decision)).isTrue();
        assertThat(approvals.decide(request.id(), new ApprovalRequest.Decision(ApprovalRequest.Outcome.APPROVED, BOB.user(), NOW, ""))).isFalse();

        assertThat(approvals.find(request.id()).orElseThrow().decision()).contains(decision);
        assertThat(approvals.pendingFor(BOB, PageRequest.first()).total()).isZero();
        assertThat(approvals.forTrip(request.submission().trip())).extracting(ApprovalRequest::decision).containsExactly(Optional.of(decision));
    }

    @Test void the_database_refuses_a_decision_by_the_submitter_and_a_second_pending_submission_of_a_trip() {
        ApprovalRequest request = approvals.add(submission(new Approvers(Optional.of("trip-approvers"), Optional.empty())));

        assertThatThrownBy(() -> approvals.decide(request.id(), new ApprovalRequest.Decision(ApprovalRequest.Outcome.APPROVED, ALICE, NOW, "")))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> approvals.add(request.submission())).isInstanceOf(DataAccessException.class);
        assertThat(dsl.fetchCount(APPROVAL_REQUESTS)).isEqualTo(1);
    }

    @Test void a_deleted_trip_leaves_the_approvers_queue_at_once_and_takes_its_history_and_notifications_when_purged() {
        ApprovalRequest request = approvals.add(submission(new Approvers(Optional.of("trip-approvers"), Optional.empty())));
        inbox.add(new Notification.Notice(MIKE.user(), Notification.Kind.SUBMITTED, request.id(), request.submission().trip(), "Osaka", ALICE, NOW, ""));

        trips.delete(request.submission().trip(), NOW, NOW.minusSeconds(86_400));
        assertThat(approvals.pendingFor(BOB, PageRequest.first()).total()).as("hidden with its trip").isZero();
        assertThat(trips.restore(request.submission().trip(), ALICE)).isTrue();
        assertThat(approvals.pendingFor(BOB, PageRequest.first()).total()).as("back with its trip").isEqualTo(1);

        trips.delete(request.submission().trip(), NOW, NOW.minusSeconds(86_400));
        trips.delete(request.submission().trip(), NOW.plusSeconds(2 * 86_400), NOW.plusSeconds(86_400)); // a later deletion purges it
        assertThat(approvals.find(request.id())).isEmpty();
        assertThat(inbox.list(MIKE.user(), PageRequest.first()).total()).isZero();
    }

    @Test void notifications_are_listed_newest_first_per_recipient_and_read_once_by_their_recipient() {
        ApprovalRequest request = approvals.add(submission(new Approvers(Optional.of("trip-approvers"), Optional.empty())));
        Notification first = inbox.add(new Notification.Notice(ALICE, Notification.Kind.REJECTED, request.id(), request.submission().trip(),
                "Osaka customers", BOB.user(), NOW, "Take the train"));
        Notification second = inbox.add(new Notification.Notice(ALICE, Notification.Kind.APPROVED, request.id(), request.submission().trip(),
                "Osaka customers", BOB.user(), NOW.plusSeconds(5), ""));

        assertThat(inbox.list(ALICE, PageRequest.first()).items()).extracting(Notification::id).containsExactly(second.id(), first.id());
        assertThat(inbox.list(ALICE, PageRequest.first()).items().getLast().notice()).isEqualTo(first.notice());
        assertThat(inbox.unread(ALICE)).isEqualTo(2);
        assertThat(inbox.markRead(BOB.user(), first.id())).as("not Bob's").isFalse();
        assertThat(inbox.markRead(ALICE, first.id())).isTrue();
        assertThat(inbox.unread(ALICE)).isEqualTo(1);
        assertThat(inbox.list(BOB.user(), PageRequest.first()).total()).isZero();
    }

    @Test void a_trip_can_be_stored_in_each_approval_status() {
        Submission submission = submission(new Approvers(Optional.of("trip-approvers"), Optional.empty()));
        Trip submitted = trips.find(submission.trip()).orElseThrow();
        assertThat(submitted.status()).isEqualTo(TripStatus.SUBMITTED);
        Trip rejected = trips.save(submitted.reject(NOW));
        assertThat(trips.find(submission.trip()).orElseThrow().status()).isEqualTo(TripStatus.REJECTED);
        assertThat(trips.save(trips.save(rejected.submit(NOW)).approve(NOW)).status()).isEqualTo(TripStatus.APPROVED);
    }

    @Test void a_plan_priced_abroad_keeps_its_currencies_and_a_frozen_estimate_its_foreign_amounts_and_rates() {
        Trip trip = trips.create(ALICE, new TripDetails("New York", "", "Tokyo", List.of("New York"),
                LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 12)), Optional.empty(), NOW);
        JooqExpensePlanRepository plans = new JooqExpensePlanRepository(dsl);
        ExpensePlan plan = new ExpensePlan(List.of(new ExpensePlan.TransportLeg("Tokyo", "New York", LocalDate.of(2026, 5, 10),
                TransportClass.ECONOMY_AIR, 1_200, "USD")), List.of(new ExpensePlan.Lodging("New York", 2, 250, "USD")),
                List.of(new ExpensePlan.OtherCost("Gift", 3_000)));
        plans.save(trip.id(), plan);
        assertThat(plans.find(trip.id())).contains(plan);

        var rates = new dev.concierge.domain.tripsupport.model.ExchangeRates(java.util.Map.of("USD",
                new java.util.TreeMap<>(java.util.Map.of(LocalDate.of(2026, 4, 1), new java.math.BigDecimal("140.50")))));
        ExpenseEstimate estimate = ExpenseCalculator.estimate(trip.details(), plan, TravelPolicy.domesticJapan(), "staff", rates);
        trips.save(trip.submit(NOW));
        Map<String, String> why = new java.util.HashMap<>();
        estimate.violations().forEach(v -> why.put(v.key(), "Conference"));
        ApprovalRequest stored = approvals.add(Submission.of(trip, estimate, why, new Approvers(Optional.of("trip-approvers"), Optional.empty()), NOW));

        ExpenseEstimate frozen = approvals.find(stored.id()).orElseThrow().submission().estimate();
        assertThat(frozen.total()).isEqualTo(estimate.total());
        assertThat(frozen.lines()).extracting(ExpenseEstimate.Line::foreign).isEqualTo(estimate.lines().stream().map(ExpenseEstimate.Line::foreign).toList());
        assertThat(frozen.lines().get(1).foreign()).hasValueSatisfying(f -> assertThat(f.amount()).isEqualTo(new ExpenseEstimate.Money(500, "USD")));
    }
}
