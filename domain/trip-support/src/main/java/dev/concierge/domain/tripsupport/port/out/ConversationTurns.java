package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.Trip;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Serialises the assistant's turns per conversation, across every instance of the app: a turn first claims the
 * conversation until a deadline (a lease stored with the conversation, so a crashed instance frees it by expiry).
 * Concurrent model calls on one memory would corrupt it with orphan tool results.
 */
public interface ConversationTurns {
    /**
     * Claims the owner's conversation for one turn, storing the user's message with the claim (one commit in front of
     * the model call, not two), and reads what the turn starts from: the conversation's trip, its visits and the
     * history before the message.
     * @return the claimed turn; empty, with nothing stored, when another turn holds an unexpired lease or when the
     *         conversation does not exist or is not the owner's
     */
    Optional<ClaimedTurn> claim(ConversationId conversation, UserId owner, StoredMessage userMessage, Instant now, Instant until);

    /**
     * Extends a lease still held, so a long turn keeps the conversation while it shows signs of life.
     * @return false when the lease was lost (it expired and another turn claimed the conversation)
     */
    boolean renew(Lease lease, Instant until);

    /** Frees the conversation; a lease that expired and was claimed by someone else is left alone. */
    void release(Lease lease);

    /**
     * Takes back every message stored after the claim, for a turn that produced no answer: a turn refused because no
     * model was reachable leaves nothing behind.
     */
    void retract(Lease lease);

    /**
     * A claim: the conversation, who holds it ({@code token}) and the last message sequence before the turn (0 when
     * none); the turn's own messages, its user message first, come after it.
     */
    record Lease(ConversationId conversation, String token, long lastSequenceBefore) {}

    /**
     * A claim with the conversation's trip (its owner is the conversation's), the trip's visits in schedule order and
     * the conversation's whole history before the turn (without the user message the claim stored).
     */
    record ClaimedTurn(Lease lease, Trip trip, List<CustomerVisit> visits, List<StoredMessage> history) {
        public ClaimedTurn {
            visits = List.copyOf(visits);
            history = List.copyOf(history);
        }
    }
}
