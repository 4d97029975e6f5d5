package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.adapter.http.health.ReadinessIndicator;

/**
 * This instance's generation workers. On {@code /health} not critical: an instance whose workers stopped still
 * serves the API, and queued jobs wait for another instance. On {@code /health/ready} critical: an instance meant to
 * run jobs whose workers are not running (stopped, crashed, shutting down) is not ready.
 */
final class GenerationWorkersHealthIndicator implements ReadinessIndicator {
    private final GenerationWorkers workers;
    private final boolean critical;
    private final String offBecause;

    private GenerationWorkersHealthIndicator(GenerationWorkers workers, boolean critical, String offBecause) {
        this.workers = workers;
        this.critical = critical;
        this.offBecause = offBecause;
    }

    /** For {@code /health}: reported, never failing liveness. {@code offBecause}: the setting that turns workers off. */
    static GenerationWorkersHealthIndicator reported(GenerationWorkers workers, String offBecause) {
        return new GenerationWorkersHealthIndicator(workers, false, offBecause);
    }

    /** For {@code /health/ready}: down makes the instance not ready. */
    static GenerationWorkersHealthIndicator required(GenerationWorkers workers, String offBecause) {
        return new GenerationWorkersHealthIndicator(workers, true, offBecause);
    }

    @Override public String name() { return "generationWorkers"; }

    @Override public boolean critical() { return critical; }

    @Override public ComponentHealth check() {
        if (workers.concurrency() == 0) return ComponentHealth.up("off on this instance (" + offBecause + "); other instances run the jobs");
        if (!workers.running()) return ComponentHealth.down("generation workers are not running: queued jobs wait for another instance or a restart");
        return ComponentHealth.up(workers.concurrency() + " worker(s) running as " + workers.workerId() + ", "
                + workers.jobsInProgress() + " job(s) in progress");
    }
}
