package dev.concierge.domain.testcasegeneration.model;

import java.util.List;

/** A requirement with the cases generated from it, each saying whether it is stale and which criteria changed. */
public record RequirementDetail(Requirement requirement, List<TracedCase> cases) {
    public record TracedCase(TestCase testCase, CaseTrace trace, List<String> changedCriteria) {
        public TracedCase { changedCriteria = List.copyOf(changedCriteria); }

        public boolean stale() { return !changedCriteria.isEmpty(); }
    }

    public RequirementDetail { cases = List.copyOf(cases); }

    public long staleCount() { return cases.stream().filter(TracedCase::stale).count(); }
}
