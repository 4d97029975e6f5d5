package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitWindow;

import java.util.Objects;
import java.util.Optional;

/** When the customer can receive the visit; empty removes the window. */
public record SetVisitWindowCommand(UserId owner, VisitId visit, Optional<VisitWindow> window) {
    public SetVisitWindowCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(visit, "visit");
        window = Objects.requireNonNullElse(window, Optional.empty());
    }
}
