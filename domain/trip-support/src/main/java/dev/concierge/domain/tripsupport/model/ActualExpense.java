package dev.concierge.domain.tripsupport.model;

import java.util.Objects;
import java.util.Optional;

/** One expense recorded after the trip, with its receipt once handed in. */
public record ActualExpense(ActualExpenseId id, TripId trip, ActualExpenseDetails details, Optional<Receipt> receipt) {
    public ActualExpense {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(details, "details");
        receipt = Objects.requireNonNullElse(receipt, Optional.empty());
    }
}
