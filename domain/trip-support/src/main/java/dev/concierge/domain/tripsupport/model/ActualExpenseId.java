package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

public record ActualExpenseId(long value) {
    public ActualExpenseId {
        if (value < 1) throw InvalidInput.field("expenseId", Validation.POSITIVE_WHOLE_NUMBER);
    }

    public static ActualExpenseId parse(String text) {
        try {
            return new ActualExpenseId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("expenseId", Validation.POSITIVE_WHOLE_NUMBER);
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
