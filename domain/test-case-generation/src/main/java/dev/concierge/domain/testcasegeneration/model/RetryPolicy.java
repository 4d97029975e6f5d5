package dev.concierge.domain.testcasegeneration.model;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a job again after the model was unavailable: exponential backoff with jitter (half fixed, half random), capped, for a
 * bounded number of attempts. Jitter keeps many waiting jobs from hitting a recovering model at the same instant.
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(5), 10);

    public RetryPolicy {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    /** The delay before the next attempt, or empty when {@code attempt} was the last one allowed. */
    public Optional<Duration> delayAfter(int attempt, DoubleSupplier random) {
        if (attempt >= maxAttempts) return Optional.empty();
        double exponential = firstDelay.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        long capped = (long) Math.min(exponential, maxDelay.toMillis());
        long jittered = capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2));
        return Optional.of(Duration.ofMillis(jittered));
    }
}
