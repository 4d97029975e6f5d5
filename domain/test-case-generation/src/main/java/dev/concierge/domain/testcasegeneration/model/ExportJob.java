package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An export of a suite made in the background: who asked, in which format and language (the file's headers and
 * display values are written in the requester's language, whichever instance makes it), whether of the approved cases
 * only, how far it got, and once ready the stored file with its size and the number of cases in it.
 */
public record ExportJob(ExportId id, SuiteId suite, ExportFormat format, ExportState state, UserId requestedBy,
                        Instant createdAt, Optional<Instant> finishedAt, Optional<FileKey> file, long sizeBytes,
                        long caseCount, int attempts, Optional<String> failure, Language language, boolean approvedOnly) {
    /** Attempts before an export that keeps failing (or whose instance keeps dying) is given up. */
    public static final int MAX_ATTEMPTS = 3;

    public ExportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(language, "language");
    }

    /** Every case of the suite ({@code approvedOnly} false). */
    public ExportJob(ExportId id, SuiteId suite, ExportFormat format, ExportState state, UserId requestedBy, Instant createdAt,
                     Optional<Instant> finishedAt, Optional<FileKey> file, long sizeBytes, long caseCount, int attempts,
                     Optional<String> failure, Language language) {
        this(id, suite, format, state, requestedBy, createdAt, finishedAt, file, sizeBytes, caseCount, attempts, failure, language, false);
    }

    public static ExportJob queued(ExportId id, SuiteId suite, ExportFormat format, Language language, UserId requestedBy, Instant at) {
        return queued(id, suite, format, language, requestedBy, at, false);
    }

    /** {@code approvedOnly}: the file holds the approved cases only. */
    public static ExportJob queued(ExportId id, SuiteId suite, ExportFormat format, Language language, UserId requestedBy, Instant at,
                                   boolean approvedOnly) {
        return new ExportJob(id, suite, format, ExportState.QUEUED, requestedBy, at, Optional.empty(), Optional.empty(),
                0, 0, 0, Optional.empty(), language, approvedOnly);
    }

    /** Where the file is kept: under the suite, named by the export, so two exports never share a file. */
    public FileKey fileKey() {
        return new FileKey("test-case-generation/exports/suite-" + suite.value() + "/" + id + format.fileSuffix());
    }

    /** The name a person's browser saves the file as. */
    public String fileName() { return "suite-" + suite.value() + (approvedOnly ? "-approved" : "") + format.fileSuffix(); }

    public boolean ready() { return state == ExportState.READY; }
}
