package dev.concierge.domain.tripsupport.port.in;

import java.util.function.Consumer;

/**
 * One turn of a conversation with the trip assistant: the user's message, the assistant's answer streamed as
 * {@link TurnEvent}s. Turns of one conversation never overlap, on any instance.
 */
public interface SendMessageUseCase {
    /**
     * Returns when the turn has ended; the last event is always {@link TurnEvent.Done} or {@link TurnEvent.Failed}.
     *
     * @throws dev.concierge.domain.tripsupport.model.ConversationNotFound when the conversation is not the owner's
     * @throws dev.concierge.domain.kernel.Conflict ({@code turn_in_progress}) while another turn of it runs
     * @throws dev.concierge.domain.kernel.Unavailable when no model answered; then no event was sent and nothing is stored
     */
    void send(SendMessageCommand command, Consumer<TurnEvent> events);
}
