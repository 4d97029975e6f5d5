package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A business trip of one user. Changes go through the methods here, which keep the status rules. */
public record Trip(TripId id, UserId owner, TripDetails details, TripStatus status, long version, Instant updatedAt) {
    /** How long a deleted trip can be restored (its owner undoing the deletion) before it is removed for good. */
    public static final Duration RESTORABLE_FOR = Duration.ofDays(1);

    public Trip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(status, "status");
    }

    public boolean editable() { return status == TripStatus.PLANNED || status == TripStatus.APPROVED; }

    public Trip withDetails(TripDetails newDetails, Instant at) {
        requireEditable();
        return new Trip(id, owner, newDetails, status, version, at);
    }

    public Trip approve(Instant at) { return move(TripStatus.PLANNED, TripStatus.APPROVED, at); }

    public Trip complete(Instant at) { return move(TripStatus.APPROVED, TripStatus.COMPLETED, at); }

    public Trip cancel(Instant at) {
        requireEditable();
        return new Trip(id, owner, details, TripStatus.CANCELLED, version, at);
    }

    public void requireEditable() {
        if (!editable()) throw new RuleViolated("trip_closed", "Trip " + id + " is " + status.wireName() + " and can no longer change.");
    }

    private Trip move(TripStatus from, TripStatus to, Instant at) {
        if (status != from) {
            throw new RuleViolated("invalid_transition", "Trip " + id + " is " + status.wireName() + "; only a trip that is "
                    + from.wireName() + " can become " + to.wireName() + ".");
        }
        return new Trip(id, owner, details, to, version, at);
    }
}
