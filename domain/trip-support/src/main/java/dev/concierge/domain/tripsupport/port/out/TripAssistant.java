package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * The chat model behind the trip assistant. For one turn it reads the conversation from the {@link Memory} the domain
 * hands it and adds what the turn says there (the user's message, the model's messages with their tool calls, the
 * tool results); it may call the {@link Toolbox}; it streams the answer's text to {@code tokens}. The caller guarantees
 * one turn at a time per conversation.
 */
public interface TripAssistant {
    /**
     * Runs the whole turn on the calling thread and returns how it ended; nothing reaches {@code tokens}, the memory or
     * the toolbox after the return.
     *
     * @throws dev.concierge.domain.kernel.Unavailable when the model answered nothing before any token or tool call;
     *         the caller then takes back what the memory stored
     */
    Ending reply(Turn turn, Toolbox tools, Memory memory, Consumer<String> tokens);

    sealed interface Ending {
        record Answered(String text) implements Ending {}

        /** {@code code} is one of {@link dev.concierge.domain.tripsupport.port.in.TurnEvent.Failed}'s. */
        record Failed(String code) implements Ending {}
    }

    /** {@code tripContext} is the system prompt's account of the trip; {@code today} is in the user's time zone. */
    record Turn(ConversationId conversation, Language language, LocalDate today, String tripContext, String userMessage) {}

    /** The conversation as stored, oldest first; what the turn adds is stored by {@link #append}. */
    interface Memory {
        List<StoredMessage> messages();

        void append(List<StoredMessage> added);
    }

    /**
     * What the assistant may do, already scoped to the caller and this trip: read-only tools answer at once;
     * tools that change data only record a proposal the user must accept. Each returns text for the model.
     */
    interface Toolbox {
        String readTrip();

        String recomputeEstimate();

        String proposeAddVisit(VisitDetails visit);

        String proposeMoveVisit(VisitId visit, LocalDateTime newStart);

        String proposeItineraryDraft();

        String proposePreparationNotes(VisitId visit);
    }
}
