package dev.concierge.domain.tripsupport.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a conversation as kept forever (the model only ever sees a recent window). Assistant messages may
 * carry tool calls; tool results answer one call by id.
 */
public record StoredMessage(long sequence, Kind kind, String text, List<ToolCall> toolCalls, Optional<String> toolCallId,
                            Optional<String> toolName, Instant at) {
    public enum Kind { SYSTEM, USER, ASSISTANT, TOOL_RESULT }

    public record ToolCall(String id, String name, String argumentsJson) {}

    public StoredMessage {
        Objects.requireNonNull(kind, "kind");
        text = Objects.requireNonNullElse(text, "");
        toolCalls = List.copyOf(Objects.requireNonNullElse(toolCalls, List.of()));
        toolCallId = Objects.requireNonNullElse(toolCallId, Optional.empty());
        toolName = Objects.requireNonNullElse(toolName, Optional.empty());
        Objects.requireNonNull(at, "at");
    }

    /** What a user typed, not yet numbered (the repository numbers it as it stores it). */
    public static StoredMessage user(String text, Instant at) {
        return new StoredMessage(0, Kind.USER, text, List.of(), Optional.empty(), Optional.empty(), at);
    }
}
