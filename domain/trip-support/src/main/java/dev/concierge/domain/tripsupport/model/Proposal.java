package dev.concierge.domain.tripsupport.model;

import java.time.Instant;
import java.util.Locale;

/**
 * A proposed change waiting for the user to accept or reject it. {@code summary} is the line the assistant was told
 * (its tool result, in the turn's language); what a person reads is worded from {@code change} by the driving adapter.
 */
public record Proposal(long id, ConversationId conversation, TripId trip, ProposedChange change, String summary,
                       Status status, Instant createdAt) {
    public enum Status {
        PENDING, ACCEPTED, REJECTED;

        public String wireName() { return name().toLowerCase(Locale.ROOT); }
    }
}
