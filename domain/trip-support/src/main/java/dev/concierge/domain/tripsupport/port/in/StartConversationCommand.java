package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.Objects;

/**
 * A new conversation with the trip assistant about one trip. The title is kept without surrounding blanks; an empty
 * one (or none) lets the service name the conversation after the trip.
 */
public record StartConversationCommand(UserId owner, TripId trip, String title) {
    public static final int MAX_TITLE_LENGTH = 200;

    public StartConversationCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(trip, "trip");
        title = title == null ? "" : title.strip();
        if (Validation.length(title) > MAX_TITLE_LENGTH) throw InvalidInput.field("title", Validation.TOO_LONG, MAX_TITLE_LENGTH);
    }

    public boolean untitled() { return title.isEmpty(); }
}
