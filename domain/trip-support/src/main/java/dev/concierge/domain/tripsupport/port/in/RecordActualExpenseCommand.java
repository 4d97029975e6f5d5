package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ActualExpenseDetails;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.Objects;

public record RecordActualExpenseCommand(UserId owner, TripId trip, ActualExpenseDetails details) {
    public RecordActualExpenseCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(details, "details");
    }
}
