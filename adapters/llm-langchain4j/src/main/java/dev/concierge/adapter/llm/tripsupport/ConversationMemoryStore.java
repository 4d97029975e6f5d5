package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * langchain4j chat memory kept in the domain's {@link ConversationRepository}, which only ever appends. A chat memory
 * hands this store its whole window on every change; the messages it had read from here are already stored, so only
 * the others — the ones just added — are appended. The window itself is the memory's business: this store always
 * answers the full history, so the memory evicts whole tool exchanges and never starts on an orphan tool result.
 * <p>
 * The first read answers the history the turn was started with (read with its claim, in the same round trip), so
 * nothing is read between the claim and the first model call; later reads ask the repository.
 * <p>
 * System messages are not stored: the system prompt is rebuilt every turn from the trip as it is now.
 */
final class ConversationMemoryStore implements ChatMemoryStore {
    private final ConversationRepository conversations;
    private final Clock clock;
    /** Per conversation, the message objects read from the repository (identity, not equality: a user may repeat themselves). */
    private final Map<ConversationId, Set<ChatMessage>> stored = new ConcurrentHashMap<>();
    /** The history handed over at the start, until the first read takes it. */
    private final AtomicReference<List<StoredMessage>> initial;

    /** @param initial the conversation's history as just read, answered by the first read */
    ConversationMemoryStore(ConversationRepository conversations, Clock clock, List<StoredMessage> initial) {
        this.conversations = conversations;
        this.clock = clock;
        this.initial = new AtomicReference<>(initial);
    }

    @Override public List<ChatMessage> getMessages(Object memoryId) {
        ConversationId id = idOf(memoryId);
        List<StoredMessage> history = initial.getAndSet(null);
        if (history == null) history = conversations.history(id);
        List<ChatMessage> messages = history.stream().map(ConversationMemoryStore::toChatMessage)
                .flatMap(Optional::stream).toList();
        remember(id, messages);
        return messages;
    }

    @Override public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        ConversationId id = idOf(memoryId);
        Set<ChatMessage> known = stored.getOrDefault(id, Set.of());
        List<StoredMessage> added = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (!known.contains(message) && !(message instanceof SystemMessage)) added.add(toStored(message));
        }
        if (!added.isEmpty()) conversations.append(id, added);
        remember(id, messages);
    }

    /** History is kept for good (the user can read it back); forgetting is not something the assistant does. */
    @Override public void deleteMessages(Object memoryId) {
        throw new UnsupportedOperationException("A conversation's history is never deleted by the assistant");
    }

    private void remember(ConversationId id, List<ChatMessage> messages) {
        Set<ChatMessage> identities = Collections.newSetFromMap(new IdentityHashMap<>());
        identities.addAll(messages);
        stored.put(id, identities);
    }

    private StoredMessage toStored(ChatMessage message) {
        return switch (message) {
            case UserMessage user -> message(StoredMessage.Kind.USER, user.singleText(), List.of(), null, null);
            case AiMessage ai -> message(StoredMessage.Kind.ASSISTANT, ai.text(), ai.toolExecutionRequests().stream()
                    .map(call -> new StoredMessage.ToolCall(call.id(), call.name(), call.arguments())).toList(), null, null);
            case ToolExecutionResultMessage result -> message(StoredMessage.Kind.TOOL_RESULT, result.text(), List.of(),
                    result.id(), result.toolName());
            default -> throw new IllegalArgumentException("Cannot store a " + message.type() + " message");
        };
    }

    private StoredMessage message(StoredMessage.Kind kind, String text, List<StoredMessage.ToolCall> calls, String callId, String toolName) {
        return new StoredMessage(0, kind, text, calls, Optional.ofNullable(callId), Optional.ofNullable(toolName), clock.instant());
    }

    static Optional<ChatMessage> toChatMessage(StoredMessage message) {
        return switch (message.kind()) {
            case SYSTEM -> Optional.empty();
            case USER -> Optional.of(UserMessage.from(message.text()));
            case ASSISTANT -> Optional.of(message.toolCalls().isEmpty()
                    ? AiMessage.from(message.text())
                    : AiMessage.from(message.text().isEmpty() ? null : message.text(), message.toolCalls().stream()
                            .map(call -> ToolExecutionRequest.builder().id(call.id()).name(call.name()).arguments(call.argumentsJson()).build())
                            .toList()));
            case TOOL_RESULT -> Optional.of(ToolExecutionResultMessage.from(message.toolCallId().orElse(null),
                    message.toolName().orElse(""), message.text()));
        };
    }

    private static ConversationId idOf(Object memoryId) {
        if (memoryId instanceof ConversationId id) return id;
        throw new IllegalArgumentException("Chat memory ids are conversation ids, got " + memoryId);
    }
}
