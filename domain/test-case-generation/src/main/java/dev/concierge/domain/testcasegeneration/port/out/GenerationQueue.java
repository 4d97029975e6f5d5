package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchId;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.ClaimedJob;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Durable generation jobs shared by every instance. Claims are leases: a worker that dies stops renewing them
 * and its jobs are claimed again when the lease expires. Every state change names the claim it acts on, and is
 * refused (returns false) when that claim no longer holds, so a job that ran twice is applied once.
 */
public interface GenerationQueue {
    /** Stores the batch and one queued job per case, runnable now. */
    void enqueue(Batch batch, List<TestCaseId> cases);

    /** Up to {@code max} runnable jobs (queued and due, or running with an expired lease), leased to {@code worker}. */
    List<ClaimedJob> claim(String worker, int max, Duration lease);

    /** Extends the leases {@code worker} still holds on these jobs. */
    void heartbeat(String worker, Collection<Long> jobIds, Duration lease);

    boolean succeeded(ClaimedJob job);

    boolean failed(ClaimedJob job, String reason);

    /** Back to queued, runnable again at {@code runAfter}. */
    boolean retryLater(ClaimedJob job, Instant runAfter, String reason);

    /** Shutdown: every job {@code worker} holds becomes runnable at once for another instance. */
    int releaseAll(String worker);

    /** Cancels the batch's queued jobs and returns their cases; running jobs finish. */
    List<TestCaseId> cancel(BatchId batch);

    Optional<Batch> batch(BatchId id);

    BatchProgress progress(Batch batch, Instant now);

    Page<Batch> batches(SuiteId suite, PageRequest page);

    /** Queued jobs across all batches, and the age of the oldest (for operators). */
    QueueDepth depth(Instant now);

    record QueueDepth(int queued, int running, Duration oldestQueuedAge) {}
}
