package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.tripsupport.model.Proposal;

import java.util.Map;

/**
 * What the caller of {@link SendMessageUseCase} hears during a turn, in order. Nothing here is a sentence for people
 * except the model's own text: tool activity and failures carry stable codes and arguments the driving adapter renders
 * in the user's language.
 */
public sealed interface TurnEvent {
    /** A piece of the answer as the model streams it. */
    record Token(String text) implements TurnEvent {}

    /**
     * A tool the model called. {@code tool} is the tool's name ({@code read_trip}, {@code propose_add_visit}, …);
     * {@code code} what came of it: {@code read}, {@code estimated}, {@code proposed} (argument {@code proposal}),
     * {@code refused} (argument {@code reason}, the domain's error code) or {@code not_run} (argument {@code limit}).
     */
    record ToolUsed(String tool, String code, Map<String, String> args) implements TurnEvent {
        public ToolUsed { args = Map.copyOf(args); }
    }

    /** A change the assistant proposed; nothing changes until the user accepts it. */
    record Proposed(Proposal proposal) implements TurnEvent {}

    /** The turn's end with the whole answer (every token sent before it, joined). */
    record Done(String text) implements TurnEvent {}

    /**
     * The turn's end without an answer: {@code llm_timed_out}, {@code llm_failed}, {@code tool_loop} (the model kept
     * calling tools) or {@code interrupted} (the app is stopping). What the turn did until then stays stored.
     */
    record Failed(String code) implements TurnEvent {}
}
