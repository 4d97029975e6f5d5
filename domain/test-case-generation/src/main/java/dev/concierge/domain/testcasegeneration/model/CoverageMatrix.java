package dev.concierge.domain.testcasegeneration.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Requirement × acceptance criterion × the cases verifying it × where it stands. A criterion no case verifies is
 * uncovered; one with a case generated from older wording is stale; one whose cases are all approved is approved.
 * Cases that trace to no requirement are listed apart ({@code untraced}, the first few; {@code untracedCount} all).
 */
public record CoverageMatrix(List<Row> rows, List<CaseRef> untraced, long untracedCount) {
    public static final int MAX_UNTRACED_LISTED = 100;

    public enum State {
        UNCOVERED, STALE, COVERED, APPROVED;

        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public record CoveringCase(CaseRef testCase, CaseKind kind, boolean stale) {}

    public record Row(Requirement requirement, AcceptanceCriterion criterion, List<CoveringCase> cases, State state) {
        public Row { cases = List.copyOf(cases); }
    }

    public CoverageMatrix {
        rows = List.copyOf(rows);
        untraced = List.copyOf(untraced);
    }

    public static CoverageMatrix of(List<Requirement> requirements, List<CaseTrace> traces, Map<TestCaseId, CaseRef> cases,
                                    List<CaseRef> untraced, long untracedCount) {
        List<Row> rows = new ArrayList<>();
        for (Requirement requirement : requirements) {
            List<CaseTrace> own = traces.stream().filter(t -> t.requirement().equals(requirement.id())).toList();
            for (AcceptanceCriterion criterion : requirement.content().criteria()) {
                List<CoveringCase> covering = own.stream()
                        .filter(t -> t.verified().containsKey(criterion.code()) && cases.containsKey(t.testCase()))
                        .map(t -> new CoveringCase(cases.get(t.testCase()), t.kind(),
                                !Objects.equals(t.verified().get(criterion.code()), criterion.hash())))
                        .sorted(Comparator.comparing(c -> c.testCase().key().value()))
                        .toList();
                rows.add(new Row(requirement, criterion, covering, stateOf(covering)));
            }
        }
        return new CoverageMatrix(rows, untraced.stream().limit(MAX_UNTRACED_LISTED).toList(), untracedCount);
    }

    static State stateOf(List<CoveringCase> covering) {
        if (covering.isEmpty()) return State.UNCOVERED;
        if (covering.stream().anyMatch(CoveringCase::stale)) return State.STALE;
        if (covering.stream().allMatch(c -> c.testCase().status() == CaseStatus.APPROVED)) return State.APPROVED;
        return State.COVERED;
    }

    public long count(State state) { return rows.stream().filter(r -> r.state() == state).count(); }
}
