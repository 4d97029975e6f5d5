package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.List;

/** A user's conversations with the trip assistant; a turn is {@link SendMessageUseCase}'s. */
public interface ChatWithAssistantUseCase {
    Conversation start(StartConversationCommand command);

    List<Conversation> conversations(UserId owner, TripId trip);

    List<StoredMessage> history(UserId owner, ConversationId conversation);

    Conversation rename(RenameConversationCommand command);

    /** Deletes the conversation with its messages and proposals; refused while the assistant is answering in it. */
    void delete(UserId owner, ConversationId conversation);

}
