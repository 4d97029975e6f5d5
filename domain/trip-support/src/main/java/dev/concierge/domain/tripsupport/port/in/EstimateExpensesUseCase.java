package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.TravelPolicy;
import dev.concierge.domain.tripsupport.model.TravelPolicyBook;
import dev.concierge.domain.tripsupport.model.TripId;

public interface EstimateExpensesUseCase {
    ExpensePlan plan(UserId owner, TripId trip);

    ExpensePlan replacePlan(ReplaceExpensePlanCommand command);

    /** Computed by the domain from the trip, its plan and the travel policy. */
    ExpenseEstimate estimate(UserId owner, TripId trip);

    /** The latest edition of the travel policy. */
    TravelPolicy policy();

    /** Every edition with its date. */
    default TravelPolicyBook policyBook() { return TravelPolicyBook.of(policy()); }
}
