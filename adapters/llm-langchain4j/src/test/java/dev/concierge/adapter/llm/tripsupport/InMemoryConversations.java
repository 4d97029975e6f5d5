package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The conversation port in memory, append-only like the real one: the tests' stand-in for the database. */
final class InMemoryConversations implements ConversationRepository {
    private final Map<ConversationId, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<ConversationId, List<StoredMessage>> histories = new ConcurrentHashMap<>();
    private long nextId = 1;

    @Override public synchronized Conversation create(TripId trip, UserId owner, String title, Instant at) {
        Conversation conversation = new Conversation(new ConversationId(nextId++), trip, owner, title, at);
        conversations.put(conversation.id(), conversation);
        histories.put(conversation.id(), new ArrayList<>());
        return conversation;
    }

    @Override public Optional<Conversation> find(ConversationId id) { return Optional.ofNullable(conversations.get(id)); }

    @Override public List<Conversation> forTrip(TripId trip) {
        return conversations.values().stream().filter(c -> c.trip().equals(trip)).toList();
    }

    @Override public synchronized List<StoredMessage> history(ConversationId id) { return List.copyOf(histories.getOrDefault(id, List.of())); }

    @Override public synchronized Conversation rename(ConversationId id, String title) {
        Conversation c = conversations.get(id);
        Conversation renamed = new Conversation(c.id(), c.trip(), c.owner(), title, c.createdAt());
        conversations.put(id, renamed);
        return renamed;
    }

    @Override public synchronized boolean delete(ConversationId id, Instant now) {
        histories.remove(id);
        return conversations.remove(id) != null;
    }

    /** The conversation's memory as the domain hands it to the assistant: reads and appends go to this repository. */
    TripAssistant.Memory memoryOf(ConversationId id) {
        return new TripAssistant.Memory() {
            @Override public List<StoredMessage> messages() { return history(id); }

            @Override public void append(List<StoredMessage> added) { InMemoryConversations.this.append(id, added); }
        };
    }

    @Override public synchronized void append(ConversationId id, List<StoredMessage> messages) {
        List<StoredMessage> history = histories.computeIfAbsent(id, any -> new ArrayList<>());
        for (StoredMessage message : messages) {
            history.add(new StoredMessage(history.size() + 1, message.kind(), message.text(), message.toolCalls(), message.toolCallId(),
                    message.toolName(), message.at(), message.outcome()));
        }
    }
}
