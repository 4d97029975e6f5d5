package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

public record ApprovalId(long value) {
    public ApprovalId {
        if (value < 1) throw InvalidInput.field("approvalId", Validation.POSITIVE_WHOLE_NUMBER);
    }

    public static ApprovalId parse(String text) {
        try {
            return new ApprovalId(Long.parseLong(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInput.field("approvalId", Validation.POSITIVE_WHOLE_NUMBER);
        }
    }

    @Override public String toString() { return Long.toString(value); }
}
