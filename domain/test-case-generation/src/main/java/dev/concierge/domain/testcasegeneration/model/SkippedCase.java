package dev.concierge.domain.testcasegeneration.model;

/** A selected case an action left alone, and the state that kept it out (approved, already queued, …). */
public record SkippedCase(TestCaseId id, TestCaseKey key, CaseStatus status) {
    public static SkippedCase of(TestCase c) { return new SkippedCase(c.id(), c.content().key(), c.status()); }
}
