package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.NotFound;

public final class ReceiptNotFound extends NotFound {
    public ReceiptNotFound(ActualExpenseId id) { super("Expense " + id + " has no receipt."); }
}
