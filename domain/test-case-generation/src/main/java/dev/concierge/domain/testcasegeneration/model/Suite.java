package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.UserId;

import java.time.Instant;

/** A group of test cases, shared by the team that owns it. */
public record Suite(SuiteId id, String name, String description, String team, UserId createdBy, Instant createdAt) {
}
