package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.ConversationNotFound;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import dev.concierge.domain.tripsupport.port.out.ProposalRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Conversations with the trip assistant. A turn claims the conversation's lease and stores the user's message in one
 * step, then lets the assistant answer with a toolbox bound to the caller's own trip. Turns of one conversation never
 * overlap, on any instance: a second message while one is being answered is refused as a conflict, and stores nothing.
 */
public final class ChatWithAssistantService implements ChatWithAssistantUseCase {
    public static final int MAX_MESSAGE_LENGTH = 8_000;
    public static final int MAX_TITLE_LENGTH = 200;
    /** The shortest turn lease: a live turn renews it on every token and tool call (see {@link TurnLease}). */
    public static final Duration MIN_TURN_LEASE = Duration.ofMinutes(1);

    private final ManageTripsUseCase trips;
    private final ManageVisitsUseCase visits;
    private final PlanItineraryUseCase itineraries;
    private final EstimateExpensesUseCase expenses;
    private final ConversationRepository conversations;
    private final ConversationTurns turns;
    private final ProposalRepository proposals;
    private final TripAssistant assistant;
    private final TripDrafter drafter;
    private final Clock clock;
    private final Duration turnLease;

    /**
     * @param turnLease how long a turn holds its conversation without a sign of life; longer than one model call may
     *                  take (the LLM timeout), so a slow but live call keeps it, short enough that a conversation whose
     *                  instance died is free again soon
     */
    public ChatWithAssistantService(ManageTripsUseCase trips, ManageVisitsUseCase visits, PlanItineraryUseCase itineraries,
                                    EstimateExpensesUseCase expenses, ConversationRepository conversations,
                                    ConversationTurns turns, ProposalRepository proposals, TripAssistant assistant,
                                    TripDrafter drafter, Clock clock, Duration turnLease) {
        this.trips = trips;
        this.visits = visits;
        this.itineraries = itineraries;
        this.expenses = expenses;
        this.conversations = conversations;
        this.turns = turns;
        this.proposals = proposals;
        this.assistant = assistant;
        this.drafter = drafter;
        this.clock = clock;
        this.turnLease = turnLease.compareTo(MIN_TURN_LEASE) < 0 ? MIN_TURN_LEASE : turnLease;
    }

    @Override public Conversation start(UserId owner, TripId tripId, String title) {
        Trip trip = trips.get(owner, tripId);
        Instant now = clock.instant();
        String clean = title == null ? "" : title.strip();
        if (Validation.length(clean) > MAX_TITLE_LENGTH) throw InvalidInput.field("title", Validation.TOO_LONG, MAX_TITLE_LENGTH);
        if (clean.isEmpty()) {
            clean = trip.details().title() + " — " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(now.atZone(clock.getZone()));
            if (clean.length() > MAX_TITLE_LENGTH) clean = clean.substring(clean.length() - MAX_TITLE_LENGTH);
        }
        return conversations.create(tripId, owner, clean, now);
    }

    @Override public List<Conversation> conversations(UserId owner, TripId trip) {
        trips.get(owner, trip);
        return conversations.forTrip(trip).stream().filter(c -> c.owner().equals(owner)).toList();
    }

    @Override public List<StoredMessage> history(UserId owner, ConversationId conversation) {
        return conversations.history(owned(owner, conversation).id());
    }

    @Override public void send(UserId owner, ConversationId conversationId, String message, TripAssistant.Listener listener) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) throw InvalidInput.field("message", Validation.BLANK);
        if (Validation.length(text) > MAX_MESSAGE_LENGTH) throw InvalidInput.field("message", Validation.TOO_LONG, MAX_MESSAGE_LENGTH);
        // The assistant may start on the answer while the claim is on its way; it uses that only for exactly this turn.
        try (TripAssistant.Anticipation anticipation = assistant.anticipate(owner, conversationId, text)) {
            answer(owner, conversationId, text, listener, anticipation);
        }
    }

    private void answer(UserId owner, ConversationId conversationId, String text, TripAssistant.Listener listener,
                        TripAssistant.Anticipation anticipation) {
        Instant now = clock.instant();
        StoredMessage opening = new StoredMessage(0, StoredMessage.Kind.USER, text, List.of(), Optional.empty(), Optional.empty(), now);
        // One round trip claims the conversation, checks its owner, stores the message and reads what the turn starts
        // from; why a claim was refused (no such conversation of this user, or a turn in progress) is looked up only
        // when it was.
        ConversationTurns.ClaimedTurn claimed = turns.claim(conversationId, owner, now, now.plus(turnLease), opening).orElseThrow(() -> {
            owned(owner, conversationId);
            return new Conflict("turn_in_progress", "The assistant is still answering the previous message in this "
                    + "conversation. Wait for that answer, then send again.");
        });
        ConversationTurns.Lease lease = claimed.lease();
        TurnLease keeper = new TurnLease(turns, lease, turnLease, clock, now);
        try {
            Trip trip = claimed.trip();
            Language language = languageOf(text, trip);
            LocalDate today = LocalDate.now(clock);
            var turn = new TripAssistant.Turn(conversationId, language, today,
                    TripBriefing.describe(trip, ManageVisitsUseCase.Schedule.of(claimed.visits()), today), text, claimed.history());
            var toolbox = new TripToolbox(owner, trip.id(), conversationId, language, trips, visits, itineraries, expenses,
                    proposals, drafter, clock, keeper::alive);
            assistant.reply(turn, toolbox, keeper.keepingAlive(listener), anticipation);
        } catch (RuntimeException | Error e) {
            // No answer (model unreachable, or the turn broke): take the turn's messages back, so the history never
            // holds half a turn; proposals it already recorded stay for the user to decide.
            quietly(() -> turns.retract(lease), e);
            quietly(() -> turns.release(lease), e);
            throw e;
        }
        keeper.releaseThenEnd();
    }

    /** Cleanup after a failure must not hide the failure; a lease left behind expires on its own. */
    private static void quietly(Runnable cleanup, Throwable failure) {
        try {
            cleanup.run();
        } catch (RuntimeException cleanupFailed) {
            failure.addSuppressed(cleanupFailed);
        }
    }

    /**
     * Japanese when the message has kana or kanji, English when it has Latin letters; a message with neither (a
     * number, an emoji) follows the trip's own language.
     */
    static Language languageOf(String message, Trip trip) {
        if (Language.detect(message) == Language.JA) return Language.JA;
        if (message.codePoints().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return Language.EN;
        return trip.details().language();
    }

    private Conversation owned(UserId owner, ConversationId id) {
        return conversations.find(id).filter(c -> c.owner().equals(owner)).orElseThrow(() -> new ConversationNotFound(id));
    }
}
