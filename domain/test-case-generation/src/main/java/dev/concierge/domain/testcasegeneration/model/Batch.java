package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.UserId;

import java.time.Instant;

/** One request to generate procedures for some cases of a suite; each case is one job. */
public record Batch(BatchId id, SuiteId suite, UserId requestedBy, Instant createdAt, int size, boolean cancelled) {
}
