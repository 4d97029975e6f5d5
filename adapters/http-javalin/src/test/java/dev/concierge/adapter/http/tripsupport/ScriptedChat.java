package dev.concierge.adapter.http.tripsupport;

import dev.concierge.domain.tripsupport.port.in.StartConversationCommand;
import dev.concierge.domain.tripsupport.port.in.AddVisitCommand;
import dev.concierge.domain.tripsupport.port.in.MoveVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceItineraryCommand;
import dev.concierge.domain.tripsupport.port.in.SetPreparationNotesCommand;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.NotFound;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;
import dev.concierge.domain.tripsupport.port.in.RenameConversationCommand;
import dev.concierge.domain.tripsupport.port.in.SendMessageCommand;
import dev.concierge.domain.tripsupport.port.in.SendMessageUseCase;
import dev.concierge.domain.tripsupport.port.in.TurnEvent;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Conversations and proposals in memory, with a turn the test scripts: what the "model" streams, which tool it uses,
 * whether it is reachable at all. Proposals are applied through {@link InMemoryTrips}, as the real service applies
 * them through the use cases.
 */
final class ScriptedChat implements ChatWithAssistantUseCase, SendMessageUseCase, ReviewProposalsUseCase {
    /** One turn of the pretend model. */
    interface Script {
        void reply(Turn turn, Consumer<TurnEvent> events) throws Exception;
    }

    record Turn(UserId owner, Conversation conversation, String message, ScriptedChat chat) {}

    private final InMemoryTrips trips;
    private final Clock clock;
    private final Map<ConversationId, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<ConversationId, List<StoredMessage>> messages = new ConcurrentHashMap<>();
    private final List<Proposal> proposals = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Script script = (turn, events) -> {
        events.accept(new TurnEvent.Token("Hello"));
        events.accept(new TurnEvent.Done("Hello"));
    };
    private volatile boolean reachable = true;

    ScriptedChat(InMemoryTrips trips, Clock clock) {
        this.trips = trips;
        this.clock = clock;
    }

    void script(Script script) { this.script = script; }

    void reachable(boolean reachable) { this.reachable = reachable; }

    /** What a data-changing tool does: record a proposal for the user to decide on. */
    Proposal propose(Conversation conversation, ProposedChange change, String summary) {
        Proposal proposal = new Proposal(ids.incrementAndGet(), conversation.id(), conversation.trip(), change, summary,
                Proposal.Status.PENDING, clock.instant());
        proposals.add(proposal);
        return proposal;
    }

    /** A tool's result as the real toolbox stores it: written for the model, never to be shown as it is. */
    void recordToolResult(Conversation conversation, String tool, String result) {
        List<StoredMessage> history = messages.get(conversation.id());
        history.add(new StoredMessage(history.size() + 1, StoredMessage.Kind.TOOL_RESULT, result, List.of(), Optional.of("call-1"),
                Optional.of(tool), clock.instant()));
    }

    void recordToolResult(Conversation conversation, String tool, String result, StoredMessage.ToolOutcome outcome) {
        List<StoredMessage> history = messages.get(conversation.id());
        history.add(new StoredMessage(history.size() + 1, StoredMessage.Kind.TOOL_RESULT, result, List.of(), Optional.of("call-1"),
                Optional.of(tool), clock.instant(), Optional.of(outcome)));
    }

    @Override public Conversation start(StartConversationCommand command) {
        UserId owner = command.owner();
        TripId trip = command.trip();
        String title = command.title();
        trips.get(owner, trip);
        Conversation conversation = new Conversation(new ConversationId(ids.incrementAndGet()), trip, owner,
                title == null || title.isBlank() ? "Conversation" : title, clock.instant());
        conversations.put(conversation.id(), conversation);
        messages.put(conversation.id(), new CopyOnWriteArrayList<>());
        return conversation;
    }

    @Override public List<Conversation> conversations(UserId owner, TripId trip) {
        trips.get(owner, trip);
        return conversations.values().stream().filter(c -> c.trip().equals(trip))
                .sorted(java.util.Comparator.comparing(c -> c.id().value())).toList();
    }

    @Override public Conversation rename(RenameConversationCommand command) {
        ConversationId id = command.conversation();
        Conversation c = own(command.owner(), id);
        Conversation renamed = new Conversation(c.id(), c.trip(), c.owner(), command.title(), c.createdAt());
        conversations.put(id, renamed);
        return renamed;
    }

    @Override public void delete(UserId owner, ConversationId id) {
        own(owner, id);
        conversations.remove(id);
        messages.remove(id);
        proposals.removeIf(p -> p.conversation().equals(id));
    }

    @Override public List<StoredMessage> history(UserId owner, ConversationId conversation) {
        own(owner, conversation);
        return List.copyOf(messages.get(conversation));
    }

    @Override public void send(SendMessageCommand command, Consumer<TurnEvent> events) {
        Conversation conversation = own(command.owner(), command.conversation());
        if (!reachable) {
            throw new Unavailable("llm_unavailable", "No LLM reachable at http://localhost:11434 — start Ollama or set LLM_PROVIDER=openai");
        }
        List<StoredMessage> history = messages.get(conversation.id());
        history.add(message(history, StoredMessage.Kind.USER, command.text()));
        Consumer<TurnEvent> recording = event -> {
            if (event instanceof TurnEvent.Done done) history.add(message(history, StoredMessage.Kind.ASSISTANT, done.text()));
            events.accept(event);
        };
        try {
            script.reply(new Turn(command.owner(), conversation, command.text(), this), recording);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override public List<Proposal> proposals(UserId owner, ConversationId conversation) {
        own(owner, conversation);
        return proposals.stream().filter(p -> p.conversation().equals(conversation)).toList();
    }

    @Override public synchronized Proposal accept(UserId owner, long id) {
        Proposal proposal = pending(owner, id);
        switch (proposal.change()) {
            case ProposedChange.AddVisit add -> trips.add(new AddVisitCommand(owner, proposal.trip(), add.visit()));
            case ProposedChange.MoveVisit move -> trips.move(new MoveVisitCommand(owner, move.visit(), move.newStart()));
            case ProposedChange.ReplaceItinerary replace -> trips.replace(new ReplaceItineraryCommand(owner, proposal.trip(), replace.itinerary()));
            case ProposedChange.SetPreparationNotes notes -> trips.setPreparationNotes(new SetPreparationNotesCommand(owner, notes.visit(), notes.notes()));
        }
        return decide(proposal, Proposal.Status.ACCEPTED);
    }

    @Override public synchronized Proposal reject(UserId owner, long id) {
        return decide(pending(owner, id), Proposal.Status.REJECTED);
    }

    private Proposal pending(UserId owner, long id) {
        Proposal proposal = proposals.stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new NotFound("Proposal " + id + " does not exist."));
        own(owner, proposal.conversation());
        if (proposal.status() != Proposal.Status.PENDING) {
            throw new Conflict("proposal_decided", "Proposal " + id + " was already " + proposal.status().wireName() + ".");
        }
        return proposal;
    }

    private Proposal decide(Proposal proposal, Proposal.Status status) {
        Proposal decided = new Proposal(proposal.id(), proposal.conversation(), proposal.trip(), proposal.change(),
                proposal.summary(), status, proposal.createdAt());
        proposals.set(proposals.indexOf(proposal), decided);
        return decided;
    }

    private Conversation own(UserId owner, ConversationId id) {
        Conversation conversation = conversations.get(id);
        if (conversation == null || !conversation.owner().equals(owner)) throw new NotFound("Conversation " + id + " does not exist.");
        return conversation;
    }

    private StoredMessage message(List<StoredMessage> history, StoredMessage.Kind kind, String text) {
        return new StoredMessage(history.size() + 1, kind, text, List.of(), Optional.empty(), Optional.empty(), clock.instant());
    }

}
