package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.tripsupport.model.ConversationNotFound;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.SendMessageCommand;
import dev.concierge.domain.tripsupport.port.in.SendMessageUseCase;
import dev.concierge.domain.tripsupport.port.in.TurnEvent;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import dev.concierge.domain.tripsupport.port.out.ProposalRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;
import dev.concierge.domain.tripsupport.port.out.VisitWindowRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Owns a chat turn from the claim to its end: claims the conversation (one turn at a time, on any instance) and stores
 * the user's message with the claim, hands the assistant the conversation's memory and a toolbox bound to the caller's
 * own trip, forwards what it streams as
 * {@link TurnEvent}s while keeping the lease alive, then frees the conversation and announces the end. A client that
 * sends its next message the moment it sees the end so finds the conversation free.
 */
public final class SendMessageService implements SendMessageUseCase {
    /** The shortest turn lease: a live turn renews it on every token, tool call and stored message. */
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
    private final ItineraryRepair itineraryRepair;
    private final VisitWindowRepository windows;
    private final TravelTimes travelTimes;
    private final Clock clock;
    private final Duration turnLease;

    /**
     * @param turnLease how long a turn holds its conversation without a sign of life; longer than one model call may
     *                  take (the LLM timeout), so a slow but live call keeps it, short enough that a conversation whose
     *                  instance died is free again soon
     */
    public SendMessageService(ManageTripsUseCase trips, ManageVisitsUseCase visits, PlanItineraryUseCase itineraries,
                              EstimateExpensesUseCase expenses, ConversationRepository conversations, ConversationTurns turns,
                              ProposalRepository proposals, TripAssistant assistant, TripDrafter drafter, ItineraryRepair itineraryRepair,
                              VisitWindowRepository windows, TravelTimes travelTimes, Clock clock,
                              Duration turnLease) {
        this.trips = trips;
        this.visits = visits;
        this.itineraries = itineraries;
        this.expenses = expenses;
        this.conversations = conversations;
        this.turns = turns;
        this.proposals = proposals;
        this.assistant = assistant;
        this.drafter = drafter;
        this.itineraryRepair = itineraryRepair;
        this.windows = windows;
        this.travelTimes = travelTimes;
        this.clock = clock;
        this.turnLease = turnLease.compareTo(MIN_TURN_LEASE) < 0 ? MIN_TURN_LEASE : turnLease;
    }

    @Override public void send(SendMessageCommand command, Consumer<TurnEvent> events) {
        Instant now = clock.instant();
        StoredMessage userMessage = StoredMessage.user(command.text(), now);
        ConversationTurns.ClaimedTurn claimed = turns.claim(command.conversation(), command.owner(), userMessage, now,
                now.plus(turnLease)).orElseThrow(() -> refusal(command));
        TurnLease lease = new TurnLease(turns, claimed.lease(), turnLease, clock, now);
        TripAssistant.Ending ending;
        try {
            Trip trip = claimed.trip();
            Language language = languageOf(command.text(), trip);
            LocalDate today = LocalDate.now(clock);
            var turn = new TripAssistant.Turn(command.conversation(), language, today,
                    TripBriefing.describe(trip, ManageVisitsUseCase.Schedule.of(claimed.visits()), today), command.text());
            var memory = new TurnMemory(conversations, command.conversation(), lease, claimed.history(), userMessage);
            // What a tool reports goes to the person's page now and, with its result, into the history.
            Consumer<TurnEvent> toolEvents = event -> {
                if (event instanceof TurnEvent.ToolUsed used) memory.toolUsed(used);
                events.accept(event);
            };
            var toolbox = new TripToolbox(command.owner(), trip.id(), command.conversation(), language, trips, visits,
                    itineraries, expenses, proposals, drafter, itineraryRepair, windows, travelTimes, clock, lease, toolEvents);
            ending = assistant.reply(turn, toolbox, memory, text -> {
                lease.alive();
                events.accept(new TurnEvent.Token(text));
            });
        } catch (RuntimeException | Error e) {
            // No answer (model unreachable, or the turn broke): take the turn's messages back, so the history never
            // holds half a turn; proposals it already recorded stay for the user to decide.
            lease.retractAndRelease(e);
            throw e;
        }
        lease.release();
        events.accept(switch (ending) {
            case TripAssistant.Ending.Answered answered -> new TurnEvent.Done(answered.text());
            case TripAssistant.Ending.Failed failed -> new TurnEvent.Failed(failed.code());
        });
    }

    /** Why a claim was refused is looked up only when it was: no such conversation of this user, or a turn running. */
    private RuntimeException refusal(SendMessageCommand command) {
        conversations.find(command.conversation()).filter(c -> c.owner().equals(command.owner()))
                .orElseThrow(() -> new ConversationNotFound(command.conversation()));
        return new Conflict("turn_in_progress", "The assistant is still answering the previous message in this "
                + "conversation. Wait for that answer, then send again.");
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
}
