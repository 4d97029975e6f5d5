package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.domain.testcasegeneration.port.out.JobsQueued;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where idle generation workers wait: their poll interval, or less when jobs were queued on this instance (the
 * domain says so through {@link JobsQueued} once the batch is committed) or when they are stopping. Without it a batch
 * started up to {@code GENERATION_POLL_MILLIS} late. Wake-ups are counted, so one that comes between a worker's empty
 * claim and its wait is not lost.
 */
final class WorkerWakeUp implements JobsQueued {
    private long wakeUps;

    /** What a worker notes before it claims, to wait on afterwards. */
    synchronized long seen() { return wakeUps; }

    @Override public void jobsQueued() { wakeAll(); }

    synchronized void wakeAll() {
        wakeUps++;
        notifyAll();
    }

    /** Returns after {@code timeout}, or sooner once a wake-up came after {@code seen}. */
    synchronized void await(Duration timeout, long seen) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); wakeUps == seen && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
