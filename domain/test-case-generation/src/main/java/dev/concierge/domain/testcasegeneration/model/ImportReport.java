package dev.concierge.domain.testcasegeneration.model;

/** What an import did: re-importing the same file creates nothing new. */
public record ImportReport(int created, int updated, int unchanged, int skippedLocked) {
}
