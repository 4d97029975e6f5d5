package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.testcasegeneration.model.ExportId;
import dev.concierge.domain.testcasegeneration.model.ExportJob;

import java.time.Instant;
import java.util.Optional;

/** Background exports and their state, shared by every instance. */
public interface ExportRepository {
    void create(ExportJob queued);

    Optional<ExportJob> find(ExportId id);

    /**
     * Claims the oldest queued export, or a running one whose lease ended (its instance died), as running until
     * {@code leaseUntil} with one more attempt. Two instances never claim the same export. A running export whose
     * lease ended after its last allowed attempt is marked failed instead.
     */
    Optional<ExportJob> claimNext(Instant now, Instant leaseUntil, int maxAttempts);

    /** The claimed export's file is stored: it is ready. */
    void finish(ExportId id, long sizeBytes, long caseCount, Instant at);

    /** The attempt failed: queued again while attempts remain, else failed with the reason. */
    void attemptFailed(ExportId id, String reason, boolean giveUp, Instant at);
}
