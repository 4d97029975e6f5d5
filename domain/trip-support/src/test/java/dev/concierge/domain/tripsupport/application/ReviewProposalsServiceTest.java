package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.tripsupport.port.in.AddVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ChangeTripStatusCommand;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.UpdateTripCommand;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationNotFound;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryItem;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposalNotFound;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitNotFound;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewProposalsServiceTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    final InMemoryTripSupport world = new InMemoryTripSupport();
    final ReviewProposalsService review = new ReviewProposalsService(world.service, world.service, world.conversations, world.proposals, world.clock);

    final Trip trip = world.service.create(new CreateTripCommand(ALICE, new TripDetails("Osaka customers", "", "Tokyo", List.of("Osaka"), DEC_1, DEC_1.plusDays(2))));
    final CustomerVisit acme = world.service.add(new AddVisitCommand(ALICE, trip.id(), visit("Acme", DEC_1.atTime(10, 0))));
    final Conversation conversation = world.conversations.create(trip.id(), ALICE, "Planning", InMemoryTripSupport.NOW);

    static VisitDetails visit(String company, LocalDateTime start) {
        return new VisitDetails(company, List.of(), "Osaka", start, Duration.ofMinutes(60), "", "");
    }

    Proposal propose(ProposedChange change) {
        return world.proposals.create(conversation.id(), trip.id(), change, "summary", InMemoryTripSupport.NOW);
    }

    @Test void accepting_an_added_visit_adds_it_through_the_visits_use_case() {
        Proposal proposal = propose(new ProposedChange.AddVisit(visit("Beta", DEC_1.plusDays(1).atTime(14, 0))));

        Proposal accepted = review.accept(ALICE, proposal.id());

        assertThat(accepted.status()).isEqualTo(Proposal.Status.ACCEPTED);
        assertThat(world.service.schedule(ALICE, trip.id()).visits()).extracting(v -> v.details().company()).containsExactly("Acme", "Beta");
    }

    @Test void accepting_a_move_moves_the_visit() {
        Proposal proposal = propose(new ProposedChange.MoveVisit(acme.id(), DEC_1.plusDays(2).atTime(9, 0)));

        review.accept(ALICE, proposal.id());

        assertThat(world.service.get(ALICE, acme.id()).details().startsAt()).isEqualTo(DEC_1.plusDays(2).atTime(9, 0));
    }

    @Test void accepting_an_itinerary_draft_replaces_the_itinerary() {
        var draft = new Itinerary(List.of(new ItineraryItem(DEC_1, LocalTime.of(7, 0), Optional.empty(), ItineraryKind.TRANSPORT, "Nozomi", "", "")),
                Itinerary.Source.ASSISTANT_DRAFT);

        review.accept(ALICE, propose(new ProposedChange.ReplaceItinerary(draft)).id());

        assertThat(world.service.itinerary(ALICE, trip.id())).isEqualTo(draft);
    }

    @Test void accepting_preparation_notes_stores_them_on_the_visit() {
        review.accept(ALICE, propose(new ProposedChange.SetPreparationNotes(acme.id(), "Ask about Q3")).id());

        assertThat(world.service.get(ALICE, acme.id()).preparationNotes()).contains("Ask about Q3");
    }

    @Test void a_change_the_rules_refuse_today_is_not_applied_and_the_proposal_stays_pending() {
        Proposal proposal = propose(new ProposedChange.AddVisit(visit("Beta", DEC_1.plusDays(2).atTime(14, 0))));
        world.service.update(new UpdateTripCommand(ALICE, trip.id(), new TripDetails("Osaka customers", "", "Tokyo", List.of("Osaka"), DEC_1, DEC_1.plusDays(1)), 0));

        assertThatThrownBy(() -> review.accept(ALICE, proposal.id())).isInstanceOf(RuleViolated.class)
                .hasFieldOrPropertyWithValue("code", "visit_outside_trip");

        assertThat(world.proposals.find(proposal.id()).orElseThrow().status()).isEqualTo(Proposal.Status.PENDING);
        assertThat(world.service.schedule(ALICE, trip.id()).visits()).containsExactly(acme);
    }

    @Test void accepting_a_change_on_a_cancelled_trip_is_refused() {
        Proposal proposal = propose(new ProposedChange.SetPreparationNotes(acme.id(), "Ask about Q3"));
        world.service.changeStatus(new ChangeTripStatusCommand(ALICE, trip.id(), TripStatus.CANCELLED, 0));

        assertThatThrownBy(() -> review.accept(ALICE, proposal.id())).isInstanceOf(RuleViolated.class).hasFieldOrPropertyWithValue("code", "trip_closed");
        assertThat(world.service.get(ALICE, acme.id()).preparationNotes()).isEmpty();
    }

    @Test void a_move_of_a_visit_deleted_since_is_refused() {
        Proposal proposal = propose(new ProposedChange.MoveVisit(acme.id(), DEC_1.plusDays(1).atTime(9, 0)));
        world.service.delete(ALICE, acme.id());

        assertThatThrownBy(() -> review.accept(ALICE, proposal.id())).isInstanceOf(VisitNotFound.class);
        assertThat(world.proposals.find(proposal.id()).orElseThrow().status()).isEqualTo(Proposal.Status.PENDING);
    }

    @Test void a_stored_change_naming_a_visit_of_another_trip_is_refused() {
        Trip other = world.service.create(new CreateTripCommand(ALICE, new TripDetails("Other", "", "Tokyo", List.of("Nagoya"), DEC_1, DEC_1)));
        CustomerVisit elsewhere = world.service.add(new AddVisitCommand(ALICE, other.id(), visit("Nagoya KK", DEC_1.atTime(9, 0))));
        Proposal proposal = propose(new ProposedChange.SetPreparationNotes(elsewhere.id(), "x"));

        assertThatThrownBy(() -> review.accept(ALICE, proposal.id())).isInstanceOf(VisitNotFound.class);
        assertThat(world.service.get(ALICE, elsewhere.id()).preparationNotes()).isEmpty();
    }

    @Test void a_proposal_is_decided_only_once() {
        Proposal accepted = propose(new ProposedChange.AddVisit(visit("Beta", DEC_1.atTime(15, 0))));
        Proposal rejected = propose(new ProposedChange.AddVisit(visit("Gamma", DEC_1.atTime(16, 0))));
        review.accept(ALICE, accepted.id());
        review.reject(ALICE, rejected.id());

        assertThatThrownBy(() -> review.accept(ALICE, accepted.id())).isInstanceOf(Conflict.class).hasFieldOrPropertyWithValue("code", "proposal_decided");
        assertThatThrownBy(() -> review.reject(ALICE, accepted.id())).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> review.accept(ALICE, rejected.id())).isInstanceOf(Conflict.class);
        assertThat(world.service.schedule(ALICE, trip.id()).visits()).extracting(v -> v.details().company()).containsExactly("Acme", "Beta");
    }

    @Test void rejecting_changes_nothing_but_the_proposal() {
        Proposal proposal = propose(new ProposedChange.MoveVisit(acme.id(), DEC_1.plusDays(1).atTime(9, 0)));

        assertThat(review.reject(ALICE, proposal.id()).status()).isEqualTo(Proposal.Status.REJECTED);
        assertThat(world.service.get(ALICE, acme.id())).isEqualTo(acme);
    }

    @Test void another_users_proposals_do_not_exist_for_them() {
        Proposal proposal = propose(new ProposedChange.MoveVisit(acme.id(), DEC_1.plusDays(1).atTime(9, 0)));

        assertThatThrownBy(() -> review.accept(BOB, proposal.id())).isInstanceOf(ProposalNotFound.class);
        assertThatThrownBy(() -> review.reject(BOB, proposal.id())).isInstanceOf(ProposalNotFound.class);
        assertThatThrownBy(() -> review.proposals(BOB, conversation.id())).isInstanceOf(ConversationNotFound.class);
        assertThatThrownBy(() -> review.accept(ALICE, 999)).isInstanceOf(ProposalNotFound.class);
        assertThat(world.proposals.find(proposal.id()).orElseThrow().status()).isEqualTo(Proposal.Status.PENDING);
    }

    @Test void the_proposals_of_a_conversation_are_listed_in_order() {
        Proposal first = propose(new ProposedChange.MoveVisit(acme.id(), DEC_1.plusDays(1).atTime(9, 0)));
        Proposal second = propose(new ProposedChange.SetPreparationNotes(acme.id(), "x"));

        assertThat(review.proposals(ALICE, conversation.id())).containsExactly(first, second);
    }
}
