package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;

import java.util.List;

public interface ChatWithAssistantUseCase {
    Conversation start(UserId owner, TripId trip, String title);

    List<Conversation> conversations(UserId owner, TripId trip);

    List<StoredMessage> history(UserId owner, ConversationId conversation);

    /**
     * One turn: the user's message, the assistant's streamed answer. Turns of one conversation never overlap.
     * @throws dev.concierge.domain.kernel.Unavailable when no model is reachable (nothing is stored)
     */
    void send(UserId owner, ConversationId conversation, String message, TripAssistant.Listener listener);
}
