package dev.concierge.domain.tripsupport.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A user's private calendar feed: since when it exists, and its token only right after it was made. */
public record CalendarSubscription(Instant createdAt, Optional<CalendarToken> token) {
    public CalendarSubscription {
        Objects.requireNonNull(createdAt, "createdAt");
        token = Objects.requireNonNullElse(token, Optional.empty());
    }
}
