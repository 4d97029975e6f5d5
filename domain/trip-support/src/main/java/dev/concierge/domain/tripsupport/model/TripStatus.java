package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

/**
 * planned → submitted → approved → completed; a submitted trip may be rejected (then edited and submitted again);
 * cancelled from planned, rejected or approved.
 */
public enum TripStatus {
    PLANNED, SUBMITTED, APPROVED, REJECTED, COMPLETED, CANCELLED;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static TripStatus parse(String value) {
        for (TripStatus s : values()) if (s.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) return s;
        throw InvalidInput.field("status", Validation.ONE_OF, "planned, submitted, approved, rejected, completed, cancelled");
    }
}
