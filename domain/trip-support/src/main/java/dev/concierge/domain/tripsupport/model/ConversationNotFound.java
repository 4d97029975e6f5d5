package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.NotFound;

public final class ConversationNotFound extends NotFound {
    public ConversationNotFound(ConversationId id) { super("Conversation " + id + " does not exist."); }
}
