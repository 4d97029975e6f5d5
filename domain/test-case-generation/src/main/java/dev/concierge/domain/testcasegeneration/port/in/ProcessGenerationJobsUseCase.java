package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.testcasegeneration.model.ClaimedJob;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** What a worker (any instance) does with the queue: claim, process, keep leases alive, hand back on shutdown. */
public interface ProcessGenerationJobsUseCase {
    Duration LEASE = Duration.ofMinutes(2);

    List<ClaimedJob> claim(String worker, int max);

    /** Generates the case's procedure and records the outcome exactly once. Never throws for model failures. */
    void process(ClaimedJob job);

    void heartbeat(String worker, Collection<Long> jobIds);

    int handBack(String worker);

    /**
     * A job whose processing broke off (the database went away mid-job) becomes runnable again at once, if its claim
     * still holds: without this it would wait, leased to a live worker, until its lease expired.
     */
    boolean handBack(ClaimedJob job);
}
