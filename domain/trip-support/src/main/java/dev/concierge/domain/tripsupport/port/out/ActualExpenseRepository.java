package dev.concierge.domain.tripsupport.port.out;

import dev.concierge.domain.tripsupport.model.ActualExpense;
import dev.concierge.domain.tripsupport.model.ActualExpenseDetails;
import dev.concierge.domain.tripsupport.model.ActualExpenseId;
import dev.concierge.domain.tripsupport.model.Receipt;
import dev.concierge.domain.tripsupport.model.TripId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A trip's actual expenses and whether its report was filed. */
public interface ActualExpenseRepository {
    ActualExpense add(TripId trip, ActualExpenseDetails details);

    Optional<ActualExpense> find(ActualExpenseId id);

    /** In the order they were spent (then entered). */
    List<ActualExpense> forTrip(TripId trip);

    void delete(ActualExpenseId id);

    ActualExpense setReceipt(ActualExpenseId id, Optional<Receipt> receipt);

    Optional<Instant> filedAt(TripId trip);

    /** Files the report once: false when it was already filed. */
    boolean file(TripId trip, Instant at);
}
