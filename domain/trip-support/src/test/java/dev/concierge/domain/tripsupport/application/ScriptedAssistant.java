package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.in.TurnEvent;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Stands in for the model: runs a script against the toolbox like a model calling tools, records what it was given,
 * and stores its messages through the memory like the real adapter (the user's message, a tool call, its result, the
 * answer).
 */
final class ScriptedAssistant implements TripAssistant {
    interface Script {
        String run(Turn turn, Toolbox tools);
    }

    private Script script = (turn, tools) -> "Hello.";
    final List<Turn> turns = new ArrayList<>();
    final List<String> toolOutcomes = new ArrayList<>();
    final List<List<StoredMessage>> historiesSeen = new ArrayList<>();

    ScriptedAssistant answering(Script next) {
        this.script = next;
        return this;
    }

    static StoredMessage message(StoredMessage.Kind kind, String text) {
        return new StoredMessage(0, kind, text, List.of(), Optional.empty(), Optional.empty(), Instant.now());
    }

    @Override public Ending reply(Turn turn, Toolbox tools, Memory memory, Consumer<String> tokens) {
        turns.add(turn);
        historiesSeen.add(memory.messages());
        memory.append(List.of(message(StoredMessage.Kind.USER, turn.userMessage())));
        String answer = script.run(turn, new Toolbox() {
            private String call(String name, Supplier<String> tool) {
                String outcome = tool.get();
                String id = "c" + toolOutcomes.size();
                memory.append(List.of(
                        new StoredMessage(0, StoredMessage.Kind.ASSISTANT, "", List.of(new StoredMessage.ToolCall(id, name, "{}")),
                                Optional.empty(), Optional.empty(), Instant.now()),
                        new StoredMessage(0, StoredMessage.Kind.TOOL_RESULT, outcome, List.of(), Optional.of(id), Optional.of(name), Instant.now())));
                toolOutcomes.add(outcome);
                return outcome;
            }

            @Override public String readTrip() { return call("read_trip", tools::readTrip); }

            @Override public String recomputeEstimate() { return call("recompute_estimate", tools::recomputeEstimate); }

            @Override public String proposeAddVisit(VisitDetails visit) { return call("propose_add_visit", () -> tools.proposeAddVisit(visit)); }

            @Override public String proposeMoveVisit(VisitId visit, LocalDateTime newStart) {
                return call("propose_move_visit", () -> tools.proposeMoveVisit(visit, newStart));
            }

            @Override public String proposeItineraryDraft() { return call("propose_itinerary_draft", tools::proposeItineraryDraft); }

            @Override public String proposePreparationNotes(VisitId visit) {
                return call("propose_preparation_notes", () -> tools.proposePreparationNotes(visit));
            }
        });
        tokens.accept(answer);
        memory.append(List.of(message(StoredMessage.Kind.ASSISTANT, answer)));
        return new Ending.Answered(answer);
    }

    /** What a user's browser would see. */
    static class Transcript implements Consumer<TurnEvent> {
        final StringBuilder tokens = new StringBuilder();
        final List<String> tools = new ArrayList<>();
        final List<TurnEvent> events = new ArrayList<>();
        String completed;
        String failed;

        @Override public void accept(TurnEvent event) {
            events.add(event);
            switch (event) {
                case TurnEvent.Token token -> tokens.append(token.text());
                case TurnEvent.ToolUsed used -> tools.add(used.tool() + ": " + used.code() + " " + used.args());
                case TurnEvent.Proposed proposed -> { }
                case TurnEvent.Done done -> completed(done.text());
                case TurnEvent.Failed failure -> failed = failure.code();
            }
        }

        void completed(String fullText) { completed = fullText; }
    }
}
