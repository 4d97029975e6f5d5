package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;

import java.util.Objects;

/** A trip moved to another status (submitted, approved, ...), as of the version the user saw. */
public record ChangeTripStatusCommand(UserId owner, TripId trip, TripStatus target, long expectedVersion) {
    public ChangeTripStatusCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(target, "target");
        new Validation().range("version", expectedVersion, 0, Long.MAX_VALUE).throwIfInvalid();
    }
}
