package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.Objects;

/** New details for a trip, as of the version the user edited; its visits must still fall inside the new dates. */
public record UpdateTripCommand(UserId owner, TripId trip, TripDetails details, long expectedVersion) {
    public UpdateTripCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(details, "details");
        new Validation().range("version", expectedVersion, 0, Long.MAX_VALUE).throwIfInvalid();
    }
}
