package dev.concierge.bootstrap;

import dev.concierge.adapter.http.health.HealthIndicator;
import dev.concierge.adapter.llm.LlmReachability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reports the model's reachability without failing health (a loading model must not get the task killed). The
 * answer is reused for a few seconds so frequent probes do not hammer the model server.
 */
final class LlmHealthIndicator implements HealthIndicator {
    private static final Duration REUSE = Duration.ofSeconds(5);

    private final LlmReachability reachability;
    private final Clock clock;
    private volatile Instant checkedAt = Instant.MIN;
    private volatile ComponentHealth last;

    LlmHealthIndicator(LlmReachability reachability, Clock clock) {
        this.reachability = reachability;
        this.clock = clock;
    }

    @Override public String name() { return "llm"; }

    @Override public boolean critical() { return false; }

    @Override public ComponentHealth check() {
        Instant now = clock.instant();
        if (last == null || checkedAt.plus(REUSE).isBefore(now)) {
            var status = reachability.check();
            last = new ComponentHealth(status.up(), status.message());
            checkedAt = now;
        }
        return last;
    }
}
