package dev.concierge.domain.testcasegeneration.model;

import java.util.List;

/** Cases approved together, and those left as they were (not generated, or changed since the reviewer saw them). */
public record BulkApproval(List<TestCase> approved, List<SkippedCase> skipped) {
    public BulkApproval {
        approved = List.copyOf(approved);
        skipped = List.copyOf(skipped);
    }
}
