package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.ConversationId;

import java.util.Objects;

/** A conversation's new name, kept without surrounding blanks; unlike a new conversation's, it cannot be empty. */
public record RenameConversationCommand(UserId owner, ConversationId conversation, String title) {
    public RenameConversationCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(conversation, "conversation");
        title = title == null ? "" : title.strip();
        new Validation().text("title", title, 1, StartConversationCommand.MAX_TITLE_LENGTH).throwIfInvalid();
    }
}
