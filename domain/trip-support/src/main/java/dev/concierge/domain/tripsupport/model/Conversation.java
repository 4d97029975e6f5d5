package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.UserId;

import java.time.Instant;

/** One chat with the assistant about one trip; a trip can have several. */
public record Conversation(ConversationId id, TripId trip, UserId owner, String title, Instant createdAt) {
}
