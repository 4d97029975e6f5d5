package dev.concierge.adapter.llm.tripsupport;

/**
 * How much of a conversation the model sees and how much it may do per turn.
 *
 * @param memoryMessages messages of history sent with each call (tool calls and their results count); the rest is kept but not sent
 * @param maxToolCalls   tool calls the model may make while answering one message
 */
public record AssistantLimits(int memoryMessages, int maxToolCalls) {
    /** About ten exchanges, or fewer when tools were used; the tool calls the README promises per turn. */
    public static final AssistantLimits DEFAULT = new AssistantLimits(30, 8);

    public AssistantLimits {
        if (memoryMessages < 2) throw new IllegalArgumentException("memoryMessages must be at least 2, got " + memoryMessages);
        if (maxToolCalls < 0) throw new IllegalArgumentException("maxToolCalls must not be negative, got " + maxToolCalls);
    }
}
