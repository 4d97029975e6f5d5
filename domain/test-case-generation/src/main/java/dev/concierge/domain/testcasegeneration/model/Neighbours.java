package dev.concierge.domain.testcasegeneration.model;

import java.util.Optional;

/** The cases before and after one case in a listing (same filters and order), and where it stands in it (from 1). */
public record Neighbours(Optional<TestCaseId> previous, Optional<TestCaseId> next, long position, long total) {
    public static Neighbours none() { return new Neighbours(Optional.empty(), Optional.empty(), 0, 0); }
}
