package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.NotFound;

/** No subscription has that token (never made, revoked or regenerated). */
public final class CalendarSubscriptionNotFound extends NotFound {
    public CalendarSubscriptionNotFound() { super("No calendar subscription has this address; it may have been revoked or regenerated."); }
}
