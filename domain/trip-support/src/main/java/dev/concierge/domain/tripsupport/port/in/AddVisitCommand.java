package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitDetails;

import java.util.Objects;

/** A customer visit added to a trip; it must fall inside the trip. */
public record AddVisitCommand(UserId owner, TripId trip, VisitDetails details) {
    public AddVisitCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(details, "details");
    }
}
