package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.port.in.TurnEvent;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A conversation's memory during one turn: the history read with the claim, and every message the turn adds, stored
 * through the repository as it is added (a sign of life for the lease). Nothing is read again during the turn.
 * <p>
 * The user's message was stored with the claim, so the model's wait is not behind a second commit; when the assistant
 * adds it to the memory, as it does first thing in a turn, it is recognised and not stored again. A tool result is
 * stored with the outcome its tool reported (tools of a turn run one at a time, each result stored after it).
 */
final class TurnMemory implements TripAssistant.Memory {
    private final ConversationRepository conversations;
    private final ConversationId conversation;
    private final TurnLease lease;
    private final List<StoredMessage> messages;
    private volatile StoredMessage storedWithClaim; // until the assistant adds it
    private final ConcurrentLinkedQueue<TurnEvent.ToolUsed> outcomes = new ConcurrentLinkedQueue<>();

    TurnMemory(ConversationRepository conversations, ConversationId conversation, TurnLease lease,
               List<StoredMessage> history, StoredMessage storedWithClaim) {
        this.conversations = conversations;
        this.conversation = conversation;
        this.lease = lease;
        this.messages = new CopyOnWriteArrayList<>(history);
        this.storedWithClaim = storedWithClaim;
    }

    @Override public List<StoredMessage> messages() { return List.copyOf(messages); }

    /** A tool reported what came of its call; the call's result, appended next, keeps it. */
    void toolUsed(TurnEvent.ToolUsed used) { outcomes.add(used); }

    @Override public void append(List<StoredMessage> added) {
        List<StoredMessage> toStore = new ArrayList<>(added.size());
        for (StoredMessage message : added) toStore.add(withOutcome(message));
        if (storedWithClaim != null && !toStore.isEmpty() && isTheClaimsMessage(toStore.getFirst())) {
            messages.add(storedWithClaim);
            toStore.removeFirst();
            storedWithClaim = null;
        }
        if (toStore.isEmpty()) return;
        conversations.append(conversation, toStore);
        messages.addAll(toStore);
        lease.alive();
    }

    private StoredMessage withOutcome(StoredMessage message) {
        if (message.kind() != StoredMessage.Kind.TOOL_RESULT || message.outcome().isPresent()) return message;
        for (Iterator<TurnEvent.ToolUsed> pending = outcomes.iterator(); pending.hasNext(); ) {
            TurnEvent.ToolUsed used = pending.next();
            if (message.toolName().map(used.tool()::equals).orElse(true)) {
                pending.remove();
                return message.withOutcome(new StoredMessage.ToolOutcome(used.code(), used.args()));
            }
        }
        return message;
    }

    private boolean isTheClaimsMessage(StoredMessage message) {
        return message.kind() == StoredMessage.Kind.USER && message.text().equals(storedWithClaim.text());
    }
}
