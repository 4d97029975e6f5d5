package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.VisitId;

import java.time.LocalDateTime;
import java.util.Objects;

/** The same visit at another time (inside the trip). */
public record MoveVisitCommand(UserId owner, VisitId visit, LocalDateTime newStart) {
    public MoveVisitCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(visit, "visit");
        if (newStart == null) throw InvalidInput.field("startsAt", Validation.REQUIRED);
    }
}
