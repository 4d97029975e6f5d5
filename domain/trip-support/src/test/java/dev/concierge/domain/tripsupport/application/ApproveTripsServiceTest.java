package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalNotFound;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.ApprovalRequest.Outcome;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.Traveller;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripNotFound;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.DecideApprovalCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceExpensePlanCommand;
import dev.concierge.domain.tripsupport.port.in.SubmitTripCommand;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApproveTripsServiceTest {
    static final UserId ALICE = new UserId("alice");
    static final Actor ALICE_AS_APPROVER = new Actor(ALICE, Set.of("trip-approvers"));
    static final Actor BOB = new Actor(new UserId("bob"), Set.of("trip-approvers"));
    static final Actor CAROL = new Actor(new UserId("carol"), Set.of("sales"));
    static final Actor MIKE = new Actor(new UserId("mike"), Set.of());
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    final InMemoryTripSupport world = new InMemoryTripSupport();

    Trip trip() {
        return world.service.create(new CreateTripCommand(ALICE, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), DEC_1, DEC_1.plusDays(2))));
    }

    /** A trip whose hotel costs ¥18,000 a night, over Osaka's ¥14,000 cap: one violation, lodging_over_cap@1. */
    Trip tripWithExpensiveHotel() {
        Trip trip = trip();
        world.service.replacePlan(new ReplaceExpensePlanCommand(ALICE, trip.id(),
                new ExpensePlan(List.of(), List.of(new ExpensePlan.Lodging("Osaka", 2, 18_000)), List.of())));
        return trip;
    }

    ApprovalRequest submit(Trip trip, Map<String, String> justifications) {
        return world.approving.submit(new SubmitTripCommand(ALICE, trip.id(), trip.version(), justifications));
    }

    @Test void a_violation_without_a_justification_is_refused_naming_it_and_nothing_is_submitted() {
        Trip trip = tripWithExpensiveHotel();

        assertThatThrownBy(() -> submit(trip, Map.of())).isInstanceOf(RuleViolated.class)
                .hasFieldOrPropertyWithValue("code", "justification_missing")
                .satisfies(e -> assertThat(((RuleViolated) e).details()).singleElement()
                        .satisfies(d -> assertThat(d.field()).isEqualTo("justifications.lodging_over_cap@1")));
        assertThatThrownBy(() -> submit(trip, Map.of("lodging_over_cap@1", "  "))).hasFieldOrPropertyWithValue("code", "justification_missing");
        assertThat(world.service.get(ALICE, trip.id()).status()).isEqualTo(TripStatus.PLANNED);
        assertThat(world.approvals.rows).isEmpty();
    }

    @Test void a_justification_for_a_violation_the_estimate_no_longer_has_is_refused() {
        Trip trip = trip();

        assertThatThrownBy(() -> submit(trip, Map.of("lodging_over_cap@1", "Conference hotel"))).hasFieldOrPropertyWithValue("code", "justification_missing");
    }

    @Test void a_submission_freezes_the_estimate_and_the_justifications_and_waits_for_an_approver() {
        Trip trip = tripWithExpensiveHotel();

        ApprovalRequest request = submit(trip, Map.of("lodging_over_cap@1", "The conference hotel; others are full"));

        assertThat(request.pending()).isTrue();
        assertThat(request.submission().estimate().total()).isEqualTo(3 * 3_000 + 2 * 18_000);
        assertThat(request.submission().justifications()).containsEntry("lodging_over_cap@1", "The conference hotel; others are full");
        assertThat(world.service.get(ALICE, trip.id()).status()).isEqualTo(TripStatus.SUBMITTED);
        assertThat(world.approving.pending(BOB, PageRequest.first()).items()).containsExactly(request);
        // a plan changed after submission does not change what the approver decides on
        world.plans.save(trip.id(), ExpensePlan.empty());
        assertThat(world.approving.get(BOB, request.id()).submission().estimate().total()).isEqualTo(3 * 3_000 + 2 * 18_000);
    }

    @Test void the_submitter_cannot_approve_their_own_trip_even_as_a_member_of_the_approver_group() {
        ApprovalRequest request = submit(trip(), Map.of());

        assertThatThrownBy(() -> world.approving.decide(new DecideApprovalCommand(ALICE_AS_APPROVER, request.id(), Outcome.APPROVED, "")))
                .isInstanceOf(RuleViolated.class).hasFieldOrPropertyWithValue("code", "self_approval");
        assertThat(world.approving.pending(ALICE_AS_APPROVER, PageRequest.first()).items()).isEmpty();
        assertThat(world.approvals.rows.get(request.id()).pending()).isTrue();
    }

    @Test void someone_who_is_not_an_approver_does_not_see_the_request() {
        ApprovalRequest request = submit(trip(), Map.of());

        assertThatThrownBy(() -> world.approving.decide(new DecideApprovalCommand(CAROL, request.id(), Outcome.APPROVED, "")))
                .isInstanceOf(ApprovalNotFound.class);
        assertThatThrownBy(() -> world.approving.get(CAROL, request.id())).isInstanceOf(ApprovalNotFound.class);
        assertThat(world.approving.pending(CAROL, PageRequest.first()).items()).isEmpty();
    }

    @Test void an_approver_approves_with_a_comment_and_the_history_keeps_who_did_what_and_when() {
        Trip trip = trip();
        ApprovalRequest request = submit(trip, Map.of());

        ApprovalRequest decided = world.approving.decide(new DecideApprovalCommand(BOB, request.id(), Outcome.APPROVED, "Go ahead"));

        assertThat(decided.decision()).hasValueSatisfying(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(d.by()).isEqualTo(BOB.user());
            assertThat(d.at()).isEqualTo(InMemoryTripSupport.NOW);
            assertThat(d.comment()).isEqualTo("Go ahead");
        });
        assertThat(world.service.get(ALICE, trip.id()).status()).isEqualTo(TripStatus.APPROVED);
        assertThat(world.approving.history(ALICE, trip.id())).containsExactly(decided);
        assertThat(world.approving.notifications(ALICE, PageRequest.first()).items()).singleElement()
                .satisfies(n -> {
                    assertThat(n.notice().kind()).isEqualTo(Notification.Kind.APPROVED);
                    assertThat(n.notice().actor()).isEqualTo(BOB.user());
                });
        assertThat(world.mailed).extracting(Notification.Notice::kind).containsExactly(Notification.Kind.APPROVED);
    }

    @Test void a_request_is_decided_once() {
        ApprovalRequest request = submit(trip(), Map.of());
        world.approving.decide(new DecideApprovalCommand(BOB, request.id(), Outcome.APPROVED, ""));

        assertThatThrownBy(() -> world.approving.decide(new DecideApprovalCommand(BOB, request.id(), Outcome.REJECTED, "No")))
                .isInstanceOf(Conflict.class).hasFieldOrPropertyWithValue("code", "already_decided");
    }

    @Test void a_rejection_needs_a_comment_and_the_rejected_trip_can_be_changed_and_submitted_again() {
        Trip trip = trip();
        ApprovalRequest first = submit(trip, Map.of());

        assertThatThrownBy(() -> world.approving.decide(new DecideApprovalCommand(BOB, first.id(), Outcome.REJECTED, " ")))
                .isInstanceOf(InvalidInput.class);
        world.approving.decide(new DecideApprovalCommand(BOB, first.id(), Outcome.REJECTED, "Take the train"));
        Trip rejected = world.service.get(ALICE, trip.id());
        assertThat(rejected.status()).isEqualTo(TripStatus.REJECTED);
        assertThat(rejected.editable()).isTrue();

        ApprovalRequest second = submit(rejected, Map.of());
        assertThat(world.approving.history(ALICE, trip.id())).extracting(ApprovalRequest::id).containsExactly(first.id(), second.id());
        assertThat(world.approving.notifications(ALICE, PageRequest.first()).items()).extracting(n -> n.notice().kind())
                .containsExactly(Notification.Kind.REJECTED);
    }

    @Test void the_manager_named_on_the_traveller_approves_and_is_told_of_the_submission() {
        world.people.put(ALICE, new Traveller(ALICE, "staff", Optional.of(MIKE.user()), Optional.empty()));
        ApprovalRequest request = submit(trip(), Map.of());

        assertThat(world.approving.notifications(MIKE.user(), PageRequest.first()).items()).singleElement()
                .satisfies(n -> assertThat(n.notice().kind()).isEqualTo(Notification.Kind.SUBMITTED));
        assertThat(world.approving.unreadNotifications(MIKE.user())).isEqualTo(1);
        assertThat(world.approving.pending(MIKE, PageRequest.first()).items()).containsExactly(request);
        world.approving.decide(new DecideApprovalCommand(MIKE, request.id(), Outcome.APPROVED, ""));
        world.approving.markRead(MIKE.user(), world.approving.notifications(MIKE.user(), PageRequest.first()).items().getFirst().id());
        assertThat(world.approving.unreadNotifications(MIKE.user())).isZero();
    }

    @Test void a_trip_is_submitted_once_until_decided_and_only_by_its_owner() {
        Trip trip = trip();
        ApprovalRequest request = submit(trip, Map.of());

        assertThatThrownBy(() -> world.approving.submit(new SubmitTripCommand(ALICE, trip.id(), trip.version() + 1, Map.of())))
                .hasFieldOrPropertyWithValue("code", "invalid_transition");
        assertThatThrownBy(() -> world.approving.submit(new SubmitTripCommand(BOB.user(), trip.id(), 0, Map.of())))
                .isInstanceOf(TripNotFound.class);
        assertThatThrownBy(() -> world.approving.history(BOB.user(), trip.id())).isInstanceOf(TripNotFound.class);
        assertThat(request.pending()).isTrue();
    }

    @Test void without_an_approver_group_and_a_manager_nobody_could_approve_so_submission_is_refused() {
        var lonely = new ApproveTripsService(world.trips, world.plans, world.policy, world.approvals, java.util.function.Supplier::get, world.inbox,
                Traveller::unknown, (to, notice) -> { }, Optional.empty(), world.clock);
        Trip trip = trip();

        assertThatThrownBy(() -> lonely.submit(new SubmitTripCommand(ALICE, trip.id(), 0, Map.of())))
                .hasFieldOrPropertyWithValue("code", "no_approver");
    }

    @Test void a_mail_server_that_fails_does_not_undo_the_decision() {
        var failingMail = new ApproveTripsService(world.trips, world.plans, world.policy, world.approvals, java.util.function.Supplier::get, world.inbox,
                Traveller::unknown, (to, notice) -> { throw new IllegalStateException("smtp down"); }, Optional.of("trip-approvers"), world.clock);
        Trip trip = trip();
        ApprovalRequest request = failingMail.submit(new SubmitTripCommand(ALICE, trip.id(), 0, Map.of()));

        failingMail.decide(new DecideApprovalCommand(BOB, request.id(), Outcome.APPROVED, ""));

        assertThat(world.service.get(ALICE, trip.id()).status()).isEqualTo(TripStatus.APPROVED);
        assertThat(world.approving.notifications(ALICE, PageRequest.first()).total()).isEqualTo(1);
    }
}
