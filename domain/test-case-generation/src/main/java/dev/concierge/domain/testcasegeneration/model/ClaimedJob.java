package dev.concierge.domain.testcasegeneration.model;

/** A job a worker holds a lease on. {@code attempt} counts every claim, so a retried job knows how often it ran. */
public record ClaimedJob(long id, BatchId batch, TestCaseId testCase, int attempt, String worker) {
}
