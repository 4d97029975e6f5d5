package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.domain.testcasegeneration.port.in.RunExportsUseCase;
import dev.concierge.domain.testcasegeneration.port.out.ExportsQueued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * This instance's export worker: one thread making the files of background exports, one at a time (an export is
 * disk and database work, not model work, so one per instance keeps it from crowding requests out). It starts at once
 * on exports queued here and looks for those queued elsewhere every {@link #POLL}.
 */
final class ExportWorker implements ExportsQueued {
    private static final Logger LOG = LoggerFactory.getLogger(ExportWorker.class);
    static final Duration POLL = Duration.ofSeconds(2);

    private final WorkerWakeUp wakeUp = new WorkerWakeUp();
    private RunExportsUseCase exports;
    private volatile boolean running;
    private Thread thread;

    /** Set after construction: the use case needs this worker (as its {@link ExportsQueued}) to be built. */
    void runs(RunExportsUseCase exports) { this.exports = exports; }

    @Override public void exportsQueued() { wakeUp.wakeAll(); }

    synchronized void start() {
        if (running || exports == null) return;
        running = true;
        thread = Thread.ofPlatform().name("export-worker").daemon().start(this::work);
    }

    private void work() {
        while (running) {
            long seen = wakeUp.seen();
            boolean ran;
            try {
                ran = exports.runNext();
            } catch (RuntimeException e) {
                LOG.warn("could not claim an export ({}); trying again in {} s", e.getMessage(), POLL.toSeconds());
                ran = false;
            }
            if (ran) continue;
            try {
                wakeUp.await(POLL, seen);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops claiming; an export still being made is claimed again by another instance once its lease ends. */
    synchronized void stop(Duration grace) {
        if (!running) return;
        running = false;
        wakeUp.wakeAll();
        try {
            thread.join(grace.isNegative() ? Duration.ZERO : grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
