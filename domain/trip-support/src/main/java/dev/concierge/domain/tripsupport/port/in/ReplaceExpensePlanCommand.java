package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.Objects;

/** A trip's whole expense plan, replacing the one before. */
public record ReplaceExpensePlanCommand(UserId owner, TripId trip, ExpensePlan plan) {
    public ReplaceExpensePlanCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(plan, "plan");
    }
}
