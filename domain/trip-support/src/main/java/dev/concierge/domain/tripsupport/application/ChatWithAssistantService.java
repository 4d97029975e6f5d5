package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.ConversationNotFound;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.in.RenameConversationCommand;
import dev.concierge.domain.tripsupport.port.in.StartConversationCommand;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A user's conversations with the trip assistant and their history; a turn is {@link SendMessageService}'s. */
public final class ChatWithAssistantService implements ChatWithAssistantUseCase {

    private final ManageTripsUseCase trips;
    private final ConversationRepository conversations;
    private final Clock clock;

    public ChatWithAssistantService(ManageTripsUseCase trips, ConversationRepository conversations, Clock clock) {
        this.trips = trips;
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override public Conversation start(StartConversationCommand command) {
        Trip trip = trips.get(command.owner(), command.trip());
        Instant now = clock.instant();
        String title = command.untitled() ? namedAfter(trip, now) : command.title();
        return conversations.create(command.trip(), command.owner(), title, now);
    }

    /** The trip's title and the time; cut at a character (a title may hold emoji), keeping the time. */
    private String namedAfter(Trip trip, Instant now) {
        String named = trip.details().title() + " — " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(now.atZone(clock.getZone()));
        int characters = Validation.length(named);
        return characters <= StartConversationCommand.MAX_TITLE_LENGTH ? named
                : named.substring(named.offsetByCodePoints(0, characters - StartConversationCommand.MAX_TITLE_LENGTH));
    }

    @Override public List<Conversation> conversations(UserId owner, TripId trip) {
        trips.get(owner, trip);
        return conversations.forTrip(trip).stream().filter(c -> c.owner().equals(owner)).toList();
    }

    @Override public List<StoredMessage> history(UserId owner, ConversationId conversation) {
        return conversations.history(owned(owner, conversation).id());
    }

    @Override public Conversation rename(RenameConversationCommand command) {
        owned(command.owner(), command.conversation());
        return conversations.rename(command.conversation(), command.title());
    }

    @Override public void delete(UserId owner, ConversationId conversation) {
        owned(owner, conversation);
        if (!conversations.delete(conversation, clock.instant())) {
            throw new Conflict("turn_in_progress", "The assistant is still answering in this conversation. Wait for that answer, then delete it.");
        }
    }

    private Conversation owned(UserId owner, ConversationId conversation) {
        return conversations.find(conversation).filter(c -> c.owner().equals(owner))
                .orElseThrow(() -> new ConversationNotFound(conversation));
    }
}
