package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The chat model behind the trip assistant. It keeps the conversation's memory through {@link ConversationRepository}
 * (full history stored, a bounded window sent), may call the {@link Toolbox} the domain hands it for this turn,
 * and streams its answer to the {@link Listener}. The caller guarantees one turn at a time per conversation.
 *
 * <p>Who stores what: the caller has already appended the user's message ({@code turn.userMessage()}) to the
 * conversation before {@code reply} runs, so it is the last message of the history, which the caller read with its
 * claim on the conversation ({@code turn.history()}); the assistant appends what the
 * turn adds (assistant messages with their tool calls, tool results, the final answer) through
 * {@link ConversationRepository#append}.
 */
public interface TripAssistant {
    /**
     * Runs the whole turn and returns only when it has ended (after {@link Listener#completed} or
     * {@link Listener#failed}): the caller holds the conversation's turn lease exactly as long as this call runs, so
     * an answer still streaming on another thread after the return could overlap the next turn.
     *
     * @throws dev.concierge.domain.kernel.Unavailable when no model answered before anything was streamed or stored;
     *         the caller then takes the turn back (nothing stays stored). Failures after the first token or tool call
     *         end the turn through {@link Listener#failed} instead.
     */
    void reply(Turn turn, Toolbox tools, Listener listener);

    /**
     * {@link #reply(Turn, Toolbox, Listener)}, using what {@code anticipation} already started when it is exactly the
     * call this turn makes; otherwise the anticipation is abandoned and the turn asks as usual.
     */
    default void reply(Turn turn, Toolbox tools, Listener listener, Anticipation anticipation) {
        anticipation.close();
        reply(turn, tools, listener);
    }

    /**
     * Called before the turn is claimed, so the model's work can start while the claim is on its way: the assistant may
     * ask the model for the answer it expects this message to need, from what the conversation held when this instance
     * last answered in it. Nothing reaches a listener and no tool runs until {@code reply} adopts it, which it does only
     * if the claimed turn asks exactly the same; the caller closes it whatever happens (a refused claim abandons it).
     * {@code owner} is who sends the message: the assistant anticipates only for the user it last answered there.
     */
    default Anticipation anticipate(UserId owner, ConversationId conversation, String userMessage) { return Anticipation.NONE; }

    /** Work started for a turn not yet claimed; closing it abandons that work unless a reply has adopted it. */
    interface Anticipation extends AutoCloseable {
        Anticipation NONE = () -> {};

        @Override void close();
    }

    /**
     * {@code tripContext} is the system prompt's account of the trip; {@code today} is in the user's time zone;
     * {@code history} is the conversation as stored when the turn began, the user's message last.
     */
    record Turn(ConversationId conversation, Language language, LocalDate today, String tripContext, String userMessage,
                List<StoredMessage> history) {
        public Turn { history = List.copyOf(history); }
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

    interface Listener {
        void token(String text);

        /** A tool ran (or was refused); {@code outcome} is what the user is shown. */
        void toolUsed(String tool, String outcome);

        void completed(String fullText);

        /** The turn ended without an answer; the message says what happened and what to do. */
        void failed(String message);
    }
}
