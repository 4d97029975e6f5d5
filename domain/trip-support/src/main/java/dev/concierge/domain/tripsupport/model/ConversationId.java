package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

public record ConversationId(long value) {
    public ConversationId {
        if (value < 1) throw InvalidInput.field("conversationId", Validation.POSITIVE_WHOLE_NUMBER);
    }

    public static ConversationId parse(String text) {
        try {
            return new ConversationId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("conversationId", Validation.POSITIVE_WHOLE_NUMBER);
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
