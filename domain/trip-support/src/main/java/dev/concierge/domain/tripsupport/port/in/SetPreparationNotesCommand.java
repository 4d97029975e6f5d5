package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.VisitId;

import java.util.Objects;

/** A visit's meeting-preparation notes, without surrounding blanks (null or empty: none). */
public record SetPreparationNotesCommand(UserId owner, VisitId visit, String notes) {
    public SetPreparationNotesCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(visit, "visit");
        notes = notes == null ? null : notes.strip();
        if (notes != null && Validation.length(notes) > CustomerVisit.MAX_PREPARATION_NOTES) {
            throw InvalidInput.field("notes", Validation.TOO_LONG, CustomerVisit.MAX_PREPARATION_NOTES);
        }
    }
}
