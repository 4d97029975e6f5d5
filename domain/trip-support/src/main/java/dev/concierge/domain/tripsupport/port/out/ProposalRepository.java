package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.TripId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ProposalRepository {
    Proposal create(ConversationId conversation, TripId trip, ProposedChange change, String summary, Instant at);

    Optional<Proposal> find(long id);

    List<Proposal> forConversation(ConversationId conversation);

    /** Moves a pending proposal to accepted or rejected; false when it was no longer pending (decided twice). */
    boolean resolve(long id, Proposal.Status status, Instant at);

    /**
     * Moves an accepted proposal back to pending: accepting claims the proposal first (so two clicks never apply a
     * change twice), and a change the rules then refuse leaves it pending for the user to decide again.
     */
    boolean reopen(long id);
}
