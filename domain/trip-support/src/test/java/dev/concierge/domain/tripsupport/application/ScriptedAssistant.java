package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stands in for the model: runs a script against the toolbox like a model calling tools, records what it was given,
 * and stores its messages like the real adapter (a tool call, its result, the answer).
 */
final class ScriptedAssistant implements TripAssistant {
    interface Script {
        String run(Turn turn, Toolbox tools);
    }

    private final ConversationRepository conversations;
    private Script script = (turn, tools) -> "Hello.";
    final List<Turn> turns = new ArrayList<>();
    final List<String> toolOutcomes = new ArrayList<>();
    final List<List<StoredMessage>> historiesSeen = new ArrayList<>();
    final List<Anticipated> anticipations = new ArrayList<>();
    final List<Anticipation> anticipationsReplied = new ArrayList<>();

    /** What the service announced before claiming, and whether it let go of it. */
    static final class Anticipated implements Anticipation {
        final String message;
        final int storedWhenAnnounced;
        boolean closed;

        Anticipated(String message, int storedWhenAnnounced) {
            this.message = message;
            this.storedWhenAnnounced = storedWhenAnnounced;
        }

        @Override public void close() { closed = true; }
    }

    @Override public Anticipation anticipate(dev.concierge.domain.kernel.UserId owner, dev.concierge.domain.tripsupport.model.ConversationId conversation,
                                             String userMessage) {
        Anticipated anticipated = new Anticipated(userMessage, conversations.history(conversation).size());
        anticipations.add(anticipated);
        return anticipated;
    }

    @Override public void reply(Turn turn, Toolbox tools, Listener listener, Anticipation anticipation) {
        anticipationsReplied.add(anticipation);
        reply(turn, tools, listener);
    }

    ScriptedAssistant(ConversationRepository conversations) { this.conversations = conversations; }

    ScriptedAssistant answering(Script next) {
        this.script = next;
        return this;
    }

    /** A tool call as the adapter would make it: the outcome goes to the model and is shown to the user. */
    String call(Turn turn, String name, java.util.function.Supplier<String> tool, Listener listener) {
        String outcome = tool.get();
        conversations.append(turn.conversation(), List.of(
                new StoredMessage(0, StoredMessage.Kind.ASSISTANT, "", List.of(new StoredMessage.ToolCall("c" + toolOutcomes.size(), name, "{}")),
                        Optional.empty(), Optional.empty(), Instant.now()),
                new StoredMessage(0, StoredMessage.Kind.TOOL_RESULT, outcome, List.of(), Optional.of("c" + toolOutcomes.size()),
                        Optional.of(name), Instant.now())));
        toolOutcomes.add(outcome);
        listener.toolUsed(name, outcome);
        return outcome;
    }

    @Override public void reply(Turn turn, Toolbox tools, Listener listener) {
        turns.add(turn);
        historiesSeen.add(conversations.history(turn.conversation()));
        Listener recording = listener;
        String answer = script.run(turn, new Toolbox() {
            @Override public String readTrip() { return call(turn, "readTrip", tools::readTrip, recording); }

            @Override public String recomputeEstimate() { return call(turn, "recomputeEstimate", tools::recomputeEstimate, recording); }

            @Override public String proposeAddVisit(dev.concierge.domain.tripsupport.model.VisitDetails visit) {
                return call(turn, "proposeAddVisit", () -> tools.proposeAddVisit(visit), recording);
            }

            @Override public String proposeMoveVisit(dev.concierge.domain.tripsupport.model.VisitId visit, java.time.LocalDateTime newStart) {
                return call(turn, "proposeMoveVisit", () -> tools.proposeMoveVisit(visit, newStart), recording);
            }

            @Override public String proposeItineraryDraft() { return call(turn, "proposeItineraryDraft", tools::proposeItineraryDraft, recording); }

            @Override public String proposePreparationNotes(dev.concierge.domain.tripsupport.model.VisitId visit) {
                return call(turn, "proposePreparationNotes", () -> tools.proposePreparationNotes(visit), recording);
            }
        });
        listener.token(answer);
        conversations.append(turn.conversation(), List.of(new StoredMessage(0, StoredMessage.Kind.ASSISTANT, answer, List.of(),
                Optional.empty(), Optional.empty(), Instant.now())));
        listener.completed(answer);
    }

    /** What a user's browser would see. */
    static class Transcript implements Listener {
        final StringBuilder tokens = new StringBuilder();
        final List<String> tools = new ArrayList<>();
        String completed;
        String failed;

        @Override public void token(String text) { tokens.append(text); }

        @Override public void toolUsed(String tool, String outcome) { tools.add(tool + ": " + outcome); }

        @Override public void completed(String fullText) { completed = fullText; }

        @Override public void failed(String message) { failed = message; }
    }
}
