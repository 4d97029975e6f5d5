package dev.concierge.domain.tripsupport.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a conversation as kept forever (the model only ever sees a recent window). Assistant messages may
 * carry tool calls; tool results answer one call by id and keep what came of the call as a code with its arguments
 * ({@code outcome}), from which a page words its summary: the result's text is written for the model.
 */
public record StoredMessage(long sequence, Kind kind, String text, List<ToolCall> toolCalls, Optional<String> toolCallId,
                            Optional<String> toolName, Instant at, Optional<ToolOutcome> outcome) {
    public enum Kind { SYSTEM, USER, ASSISTANT, TOOL_RESULT }

    public record ToolCall(String id, String name, String argumentsJson) {}

    /** What came of a tool call: {@code read}, {@code proposed} (args: proposal), {@code refused} (args: reason), {@code not_run} (args: limit)… */
    public record ToolOutcome(String code, Map<String, String> args) {
        public ToolOutcome {
            Objects.requireNonNull(code, "code");
            args = Map.copyOf(Objects.requireNonNullElse(args, Map.of()));
        }
    }

    public StoredMessage {
        Objects.requireNonNull(kind, "kind");
        text = Objects.requireNonNullElse(text, "");
        toolCalls = List.copyOf(Objects.requireNonNullElse(toolCalls, List.of()));
        toolCallId = Objects.requireNonNullElse(toolCallId, Optional.empty());
        toolName = Objects.requireNonNullElse(toolName, Optional.empty());
        Objects.requireNonNull(at, "at");
        outcome = Objects.requireNonNullElse(outcome, Optional.empty());
    }

    /** A message without a recorded outcome (every kind but a tool result, and tool results stored before outcomes were). */
    public StoredMessage(long sequence, Kind kind, String text, List<ToolCall> toolCalls, Optional<String> toolCallId,
                         Optional<String> toolName, Instant at) {
        this(sequence, kind, text, toolCalls, toolCallId, toolName, at, Optional.empty());
    }

    public StoredMessage withOutcome(ToolOutcome newOutcome) {
        return new StoredMessage(sequence, kind, text, toolCalls, toolCallId, toolName, at, Optional.of(newOutcome));
    }

    /** What a user typed, not yet numbered (the repository numbers it as it stores it). */
    public static StoredMessage user(String text, Instant at) {
        return new StoredMessage(0, Kind.USER, text, List.of(), Optional.empty(), Optional.empty(), at);
    }
}
