package dev.concierge.domain.testcasegeneration.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How a generated revision came to be: which provider and model wrote it, from which prompt template and answer
 * schema versions, in how many attempts, at what cost in tokens and time.
 */
public record Provenance(String provider, String model, String promptTemplate, String schema, int attempts,
                         long inputTokens, long outputTokens, Duration duration) {
    public Provenance {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(promptTemplate, "promptTemplate");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(duration, "duration");
        if (attempts < 1) throw new IllegalArgumentException("at least one attempt");
    }
}
