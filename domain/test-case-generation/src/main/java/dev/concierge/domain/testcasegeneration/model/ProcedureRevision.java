package dev.concierge.domain.testcasegeneration.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a case's procedure: who (a person, or empty for the model), when, what kind of change, and a
 * short account of what changed compared with the previous revision; a generated one says how it was made.
 */
public record ProcedureRevision(int number, Procedure procedure, RevisionKind kind, Optional<String> author,
                                Instant createdAt, String summary, Optional<Provenance> provenance) {
    /** A revision without provenance: a person's edit, or one generated before provenance was recorded. */
    public ProcedureRevision(int number, Procedure procedure, RevisionKind kind, Optional<String> author, Instant createdAt, String summary) {
        this(number, procedure, kind, author, createdAt, summary, Optional.empty());
    }

    public ProcedureRevision {
        Objects.requireNonNull(provenance, "provenance");
        if (number < 1) throw new IllegalArgumentException("revision numbers start at 1");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        summary = Objects.requireNonNullElse(summary, "");
    }
}
