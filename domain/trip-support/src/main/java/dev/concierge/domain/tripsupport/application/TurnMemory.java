package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A conversation's memory during one turn: the history read with the claim, and every message the turn adds, stored
 * through the repository as it is added (a sign of life for the lease). Nothing is read again during the turn.
 */
final class TurnMemory implements TripAssistant.Memory {
    private final ConversationRepository conversations;
    private final ConversationId conversation;
    private final TurnLease lease;
    private final List<StoredMessage> messages;

    TurnMemory(ConversationRepository conversations, ConversationId conversation, TurnLease lease, List<StoredMessage> history) {
        this.conversations = conversations;
        this.conversation = conversation;
        this.lease = lease;
        this.messages = new CopyOnWriteArrayList<>(history);
    }

    @Override public List<StoredMessage> messages() { return List.copyOf(messages); }

    @Override public void append(List<StoredMessage> added) {
        if (added.isEmpty()) return;
        conversations.append(conversation, added);
        messages.addAll(added);
        lease.alive();
    }
}
