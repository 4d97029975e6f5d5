package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CalendarSubscription;
import dev.concierge.domain.tripsupport.model.CalendarToken;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.Optional;

/** Trips as iCalendar: one trip as a file, and every trip of a user as a private feed a calendar app subscribes to. */
public interface ExportCalendarUseCase {
    /** The trip with its visits and itinerary as an iCalendar document. */
    String tripCalendar(UserId owner, TripId trip);

    /** Makes the user's feed, or replaces it (the old address stops working); the token is in the answer only. */
    CalendarSubscription subscribe(UserId owner);

    /** The user's feed, without its token (which is not kept). */
    Optional<CalendarSubscription> subscription(UserId owner);

    void revoke(UserId owner);

    /**
     * The feed for a token, without any other identity: every trip of its owner that is not cancelled.
     *
     * @throws dev.concierge.domain.tripsupport.model.CalendarSubscriptionNotFound for an unknown, revoked or malformed token
     */
    String feed(CalendarToken token);
}
