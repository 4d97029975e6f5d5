package dev.concierge.domain.testcasegeneration.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a case's procedure: who (a person, or empty for the model), when, what kind of change, and what
 * changed compared with the previous revision, as figures a page words in its reader's language.
 */
public record ProcedureRevision(int number, Procedure procedure, RevisionKind kind, Optional<String> author,
                                Instant createdAt, RevisionChange change) {
    public ProcedureRevision {
        if (number < 1) throw new IllegalArgumentException("revision numbers start at 1");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(change, "change");
    }
}
