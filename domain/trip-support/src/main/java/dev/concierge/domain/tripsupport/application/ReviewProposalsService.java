package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.ConversationNotFound;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposalNotFound;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitNotFound;
import dev.concierge.domain.tripsupport.port.in.AddVisitCommand;
import dev.concierge.domain.tripsupport.port.in.MoveVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceItineraryCommand;
import dev.concierge.domain.tripsupport.port.in.SetPreparationNotesCommand;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.ProposalRepository;

import java.time.Clock;
import java.util.List;

/**
 * The user's decision on the assistant's proposals. Accepting applies the change through the same use cases as the
 * API, as the user, so every rule and validation of the day of acceptance applies.
 */
public final class ReviewProposalsService implements ReviewProposalsUseCase {
    private final ManageVisitsUseCase visits;
    private final PlanItineraryUseCase itineraries;
    private final ConversationRepository conversations;
    private final ProposalRepository proposals;
    private final Clock clock;

    public ReviewProposalsService(ManageVisitsUseCase visits, PlanItineraryUseCase itineraries,
                                  ConversationRepository conversations, ProposalRepository proposals, Clock clock) {
        this.visits = visits;
        this.itineraries = itineraries;
        this.conversations = conversations;
        this.proposals = proposals;
        this.clock = clock;
    }

    @Override public List<Proposal> proposals(UserId owner, ConversationId conversation) {
        conversations.find(conversation).filter(c -> c.owner().equals(owner)).orElseThrow(() -> new ConversationNotFound(conversation));
        return proposals.forConversation(conversation);
    }

    /**
     * Claims the proposal first (only one of two simultaneous accepts wins, so a change never applies twice), then
     * applies it; when a rule refuses the change, the proposal goes back to pending and the refusal reaches the user.
     */
    @Override public Proposal accept(UserId owner, long id) {
        Proposal proposal = owned(owner, id);
        if (proposal.status() != Proposal.Status.PENDING || !proposals.resolve(id, Proposal.Status.ACCEPTED, clock.instant())) {
            throw alreadyDecided(id);
        }
        try {
            apply(owner, proposal.trip(), proposal.change());
        } catch (RuntimeException e) {
            proposals.reopen(id);
            throw e;
        }
        return proposals.find(id).orElseThrow(() -> new ProposalNotFound(id));
    }

    @Override public Proposal reject(UserId owner, long id) {
        Proposal proposal = owned(owner, id);
        if (proposal.status() != Proposal.Status.PENDING || !proposals.resolve(id, Proposal.Status.REJECTED, clock.instant())) {
            throw alreadyDecided(id);
        }
        return proposals.find(id).orElseThrow(() -> new ProposalNotFound(id));
    }

    private void apply(UserId owner, TripId trip, ProposedChange change) {
        switch (change) {
            case ProposedChange.AddVisit add -> visits.add(new AddVisitCommand(owner, trip, add.visit()));
            case ProposedChange.MoveVisit move -> {
                requireVisitOf(owner, trip, move.visit());
                visits.move(new MoveVisitCommand(owner, move.visit(), move.newStart()));
            }
            case ProposedChange.ReplaceItinerary replace -> itineraries.replace(new ReplaceItineraryCommand(owner, trip, replace.itinerary()));
            case ProposedChange.SetPreparationNotes notes -> {
                requireVisitOf(owner, trip, notes.visit());
                visits.setPreparationNotes(new SetPreparationNotesCommand(owner, notes.visit(), notes.notes()));
            }
        }
    }

    /** The visit may have been deleted (or be someone else's) since the proposal was made. */
    private void requireVisitOf(UserId owner, TripId trip, VisitId visit) {
        if (!visits.get(owner, visit).trip().equals(trip)) throw new VisitNotFound(visit);
    }

    private Proposal owned(UserId owner, long id) {
        Proposal proposal = proposals.find(id).orElseThrow(() -> new ProposalNotFound(id));
        boolean mine = conversations.find(proposal.conversation()).map(Conversation::owner).map(owner::equals).orElse(false);
        if (!mine) throw new ProposalNotFound(id);
        return proposal;
    }

    private static Conflict alreadyDecided(long id) {
        return new Conflict("proposal_decided", "Proposal " + id + " was already accepted or rejected. Reload the conversation to see its state.");
    }
}
