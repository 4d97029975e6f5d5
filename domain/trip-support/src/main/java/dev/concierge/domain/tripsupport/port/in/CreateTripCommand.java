package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.TripDetails;

import java.util.Objects;

/** A new trip for its owner. */
public record CreateTripCommand(UserId owner, TripDetails details) {
    public CreateTripCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(details, "details");
    }
}
