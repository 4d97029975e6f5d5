package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.NotFound;

public final class NotificationNotFound extends NotFound {
    public NotificationNotFound(long id) { super("Notification " + id + " does not exist."); }
}
