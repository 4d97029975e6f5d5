package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.NotFound;

public final class ActualExpenseNotFound extends NotFound {
    public ActualExpenseNotFound(ActualExpenseId id) { super("Expense " + id + " does not exist."); }
}
