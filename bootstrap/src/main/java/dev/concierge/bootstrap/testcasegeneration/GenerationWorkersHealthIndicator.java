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

    private GenerationWorkersHealthIndicator(GenerationWorkers workers, boolean critical) {
        this.workers = workers;
        this.critical = critical;
    }

    /** For {@code /health}: reported, never failing liveness. */
    static GenerationWorkersHealthIndicator reported(GenerationWorkers workers) { return new GenerationWorkersHealthIndicator(workers, false); }

    /** For {@code /health/ready}: down makes the instance not ready. */
    static GenerationWorkersHealthIndicator required(GenerationWorkers workers) { return new GenerationWorkersHealthIndicator(workers, true); }

    @Override public String name() { return "generationWorkers"; }

    @Override public boolean critical() { return critical; }

    @Override public ComponentHealth check() {
        if (workers.concurrency() == 0) return ComponentHealth.up("off on this instance (GENERATION_CONCURRENCY=0); other instances run the jobs");
        if (!workers.running()) return ComponentHealth.down("generation workers are not running: queued jobs wait for another instance or a restart");
        return ComponentHealth.up(workers.concurrency() + " worker(s) running as " + workers.workerId() + ", "
                + workers.jobsInProgress() + " job(s) in progress");
    }
}
