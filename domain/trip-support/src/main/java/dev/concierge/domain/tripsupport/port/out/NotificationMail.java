package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.Traveller;

/**
 * Tells a person by e-mail what the in-app notification tells them. Off unless configured; a failure to send must not
 * undo the approval step that caused it (the in-app notification is the record).
 */
public interface NotificationMail {
    void send(Traveller recipient, Notification.Notice notice);

    NotificationMail OFF = (recipient, notice) -> { };
}
