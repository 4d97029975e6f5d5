package dev.concierge.domain.tripsupport.model;

import java.time.Instant;
import java.util.Locale;

/** A proposed change shown to the user, with a one-line summary, waiting for accept or reject. */
public record Proposal(long id, ConversationId conversation, TripId trip, ProposedChange change, String summary,
                       Status status, Instant createdAt) {
    public enum Status {
        PENDING, ACCEPTED, REJECTED;

        public String wireName() { return name().toLowerCase(Locale.ROOT); }
    }
}
