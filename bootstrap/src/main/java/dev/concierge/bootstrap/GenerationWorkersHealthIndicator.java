package dev.concierge.bootstrap;

import dev.concierge.adapter.http.health.HealthIndicator;

/**
 * Readiness of this instance's generation workers, reported by /health. Not critical: an instance whose workers
 * stopped still serves the API, and queued jobs wait for another instance.
 */
final class GenerationWorkersHealthIndicator implements HealthIndicator {
    private final GenerationWorkers workers;

    GenerationWorkersHealthIndicator(GenerationWorkers workers) { this.workers = workers; }

    @Override public String name() { return "generationWorkers"; }

    @Override public boolean critical() { return false; }

    @Override public ComponentHealth check() {
        if (workers.concurrency() == 0) return ComponentHealth.up("off on this instance (GENERATION_CONCURRENCY=0); other instances run the jobs");
        if (!workers.running()) return ComponentHealth.down("generation workers are not running: queued jobs wait for another instance or a restart");
        return ComponentHealth.up(workers.concurrency() + " worker(s) running as " + workers.workerId() + ", "
                + workers.jobsInProgress() + " job(s) in progress");
    }
}
