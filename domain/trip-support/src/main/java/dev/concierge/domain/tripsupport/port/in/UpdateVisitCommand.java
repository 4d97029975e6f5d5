package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;

import java.util.Objects;

/** New details for a visit, as of the version the user edited. */
public record UpdateVisitCommand(UserId owner, VisitId visit, VisitDetails details, long expectedVersion) {
    public UpdateVisitCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(details, "details");
        new Validation().range("version", expectedVersion, 0, Long.MAX_VALUE).throwIfInvalid();
    }
}
