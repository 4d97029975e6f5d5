package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.UserId;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Something a user should know about an approval: a trip submitted to them, or their trip approved or rejected. A code
 * and its figures; the adapter words it.
 */
public record Notification(long id, Notice notice, boolean read) {
    public Notification { Objects.requireNonNull(notice, "notice"); }

    public enum Kind {
        SUBMITTED, APPROVED, REJECTED;

        public String wireName() { return name().toLowerCase(Locale.ROOT); }

        public static Kind parse(String value) {
            for (Kind k : values()) if (k.wireName().equals(value)) return k;
            throw new IllegalArgumentException("unknown notification kind " + value);
        }
    }

    /** What happened, to whom it is told, and who did it. */
    public record Notice(UserId recipient, Kind kind, ApprovalId approval, TripId trip, String tripTitle, UserId actor,
                         Instant at, String comment) {
        public Notice {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(approval, "approval");
            Objects.requireNonNull(trip, "trip");
            Objects.requireNonNull(tripTitle, "tripTitle");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
            comment = comment == null ? "" : comment;
        }
    }
}
