package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.Optional;

public interface ExpensePlanRepository {
    Optional<ExpensePlan> find(TripId trip);

    void save(TripId trip, ExpensePlan plan);
}
