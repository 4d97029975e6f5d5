package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.ConversationNotFound;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A user's conversations with the trip assistant and their history; a turn is {@link SendMessageService}'s. */
public final class ChatWithAssistantService implements ChatWithAssistantUseCase {
    public static final int MAX_TITLE_LENGTH = 200;

    private final ManageTripsUseCase trips;
    private final ConversationRepository conversations;
    private final Clock clock;

    public ChatWithAssistantService(ManageTripsUseCase trips, ConversationRepository conversations, Clock clock) {
        this.trips = trips;
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override public Conversation start(UserId owner, TripId tripId, String title) {
        Trip trip = trips.get(owner, tripId);
        Instant now = clock.instant();
        String clean = title == null ? "" : title.strip();
        if (clean.length() > MAX_TITLE_LENGTH) throw InvalidInput.field("title", "must be at most " + MAX_TITLE_LENGTH + " characters");
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

    @Override public Conversation rename(UserId owner, ConversationId conversation, String title) {
        owned(owner, conversation);
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.codePointCount(0, clean.length()) > MAX_TITLE_LENGTH) {
            throw InvalidInput.field("title", "must be 1 to " + MAX_TITLE_LENGTH + " characters");
        }
        return conversations.rename(conversation, clean);
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
