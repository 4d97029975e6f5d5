package dev.concierge.adapter.http.health;

/**
 * One more thing {@code /health/ready} waits for beyond {@code /health} (migrations applied, workers running). A
 * context contributes one with {@code HttpModule.readinessIndicators(binder()).addBinding()...}; a critical one that is
 * down makes the instance not ready (503) without failing liveness.
 */
public interface ReadinessIndicator extends HealthIndicator {
}
