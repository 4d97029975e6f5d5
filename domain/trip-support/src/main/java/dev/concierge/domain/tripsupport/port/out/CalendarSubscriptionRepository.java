package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.UserId;

import java.time.Instant;
import java.util.Optional;

/** One subscription per user, kept as the SHA-256 of its token. */
public interface CalendarSubscriptionRepository {
    /** Makes or replaces the user's subscription: the old token stops working at once. */
    void replace(UserId user, String tokenSha256, Instant at);

    Optional<Instant> createdAt(UserId user);

    Optional<UserId> ownerOf(String tokenSha256);

    void delete(UserId user);
}
