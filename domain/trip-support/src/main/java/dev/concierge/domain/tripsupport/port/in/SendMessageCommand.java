package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.ConversationId;

import java.util.Objects;

/** A user's message to the trip assistant in one of their conversations; the text is kept without surrounding blanks. */
public record SendMessageCommand(UserId owner, ConversationId conversation, String text) {
    public static final int MAX_TEXT_LENGTH = 8_000;

    public SendMessageCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(conversation, "conversation");
        text = text == null ? "" : text.strip();
        if (text.isEmpty()) throw InvalidInput.field("text", Validation.BLANK);
        if (Validation.length(text) > MAX_TEXT_LENGTH) throw InvalidInput.field("text", Validation.TOO_LONG, MAX_TEXT_LENGTH);
    }
}
