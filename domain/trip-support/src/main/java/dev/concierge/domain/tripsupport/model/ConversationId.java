package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;

public record ConversationId(long value) {
    public ConversationId {
        if (value < 1) throw InvalidInput.field("conversationId", "must be a positive whole number");
    }

    public static ConversationId parse(String text) {
        try {
            return new ConversationId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("conversationId", "must be a positive whole number");
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
