package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Notification;

/** The in-app notifications of each user, newest first. */
public interface NotificationInbox {
    Notification add(Notification.Notice notice);

    Page<Notification> list(UserId recipient, PageRequest page);

    long unread(UserId recipient);

    /** False when the user has no such notification. */
    boolean markRead(UserId recipient, long id);
}
