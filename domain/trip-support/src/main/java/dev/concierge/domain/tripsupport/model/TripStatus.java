package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

/** planned → approved → completed, or cancelled from planned or approved. */
public enum TripStatus {
    PLANNED, APPROVED, COMPLETED, CANCELLED;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static TripStatus parse(String value) {
        for (TripStatus s : values()) if (s.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) return s;
        throw InvalidInput.field("status", Validation.ONE_OF, "planned, approved, completed, cancelled");
    }
}
