package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.Map;
import java.util.Objects;

/** The owner sends their trip, as of the version they saw, with a justification per policy violation (by violation key). */
public record SubmitTripCommand(UserId owner, TripId trip, long expectedVersion, Map<String, String> justifications) {
    public SubmitTripCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(trip, "trip");
        justifications = justifications == null ? Map.of() : Map.copyOf(justifications);
        Validation problems = new Validation().range("version", expectedVersion, 0, Long.MAX_VALUE);
        if (justifications.size() > 200) problems.add("justifications", Validation.TOO_MANY, 200);
        problems.throwIfInvalid();
    }
}
