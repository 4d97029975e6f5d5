package dev.concierge.domain.testcasegeneration.port.out;

/**
 * Told once queued jobs are committed, so this instance's idle workers start on them at once instead of at their next
 * poll of the queue. Instances that did not queue them still find them by polling.
 */
@FunctionalInterface
public interface JobsQueued {
    void jobsQueued();

    /** For a service whose instance runs no workers, or a test that does not care. */
    static JobsQueued nobody() { return () -> { }; }
}
