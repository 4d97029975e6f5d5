package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TripId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversations and their full history; the assistant adapter's chat memory is backed by this. */
public interface ConversationRepository {
    Conversation create(TripId trip, UserId owner, String title, Instant at);

    Optional<Conversation> find(ConversationId id);

    List<Conversation> forTrip(TripId trip);

    /** Every message, oldest first. */
    List<StoredMessage> history(ConversationId id);

    /** Adds messages at the end (their {@code sequence} is assigned here). History is never rewritten. */
    void append(ConversationId id, List<StoredMessage> messages);

    Conversation rename(ConversationId id, String title);

    /**
     * Deletes the conversation with its messages and proposals unless a turn holds it at {@code now}.
     *
     * @return false when a turn is running in it (nothing deleted)
     */
    boolean delete(ConversationId id, Instant now);
}
