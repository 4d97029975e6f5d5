package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * langchain4j chat memory for one turn, kept by the domain's conversation {@link TripAssistant.Memory} (stored through
 * the conversation repository, which only ever appends). A chat memory hands this store its whole window on every
 * change; the messages it had read from here are already stored, so only the others — the ones just added — are
 * appended. The window itself is the chat memory's business: this store always answers the full history, so the
 * memory evicts whole tool exchanges and never starts on an orphan tool result.
 * <p>
 * The system message is kept here for the turn only: the prompt is rebuilt every turn from the trip as it is now.
 */
final class ConversationMemoryStore implements ChatMemoryStore {
    private final TripAssistant.Memory memory;
    private final Clock clock;
    private final BooleanSupplier turnOver;
    private SystemMessage system;
    /** The message objects last read from the memory (identity, not equality: a user may repeat themselves). */
    private Set<ChatMessage> stored = Set.of();

    /** @param turnOver true once the turn has ended: a late write from a stream given up on must not be stored */
    ConversationMemoryStore(TripAssistant.Memory memory, Clock clock, BooleanSupplier turnOver) {
        this.memory = memory;
        this.clock = clock;
        this.turnOver = turnOver;
    }

    @Override public List<ChatMessage> getMessages(Object memoryId) {
        List<ChatMessage> messages = new ArrayList<>();
        if (system != null) messages.add(system);
        memory.messages().stream().map(ConversationMemoryStore::toChatMessage).flatMap(Optional::stream).forEach(messages::add);
        remember(messages);
        return messages;
    }

    @Override public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        if (turnOver.getAsBoolean()) return;
        List<StoredMessage> added = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message instanceof SystemMessage prompt) system = prompt;
            else if (!stored.contains(message)) added.add(toStored(message));
        }
        memory.append(added);
        remember(messages);
    }

    /** History is kept for good (the user can read it back); forgetting is not something the assistant does. */
    @Override public void deleteMessages(Object memoryId) {
        throw new UnsupportedOperationException("A conversation's history is never deleted by the assistant");
    }

    private void remember(List<ChatMessage> messages) {
        Set<ChatMessage> identities = Collections.newSetFromMap(new IdentityHashMap<>());
        identities.addAll(messages);
        stored = identities;
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
}
