package dev.concierge.domain.testcasegeneration.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which acceptance criteria of which requirement a case verifies, with the hash of each criterion's wording the case
 * was generated from, and which criteria each step of revision {@code revision} verifies. A case is stale when a
 * criterion it verifies now reads differently (or is gone): exactly those cases need regenerating.
 *
 * @param verified criterion code → the hash of its wording when the case was generated
 * @param steps    for each step of revision {@code revision}, the codes it verifies
 */
public record CaseTrace(TestCaseId testCase, RequirementId requirement, CaseKind kind, Map<String, String> verified,
                        int revision, List<List<String>> steps) {
    public CaseTrace {
        Objects.requireNonNull(testCase, "testCase");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(kind, "kind");
        verified = Map.copyOf(verified);
        steps = steps.stream().map(List::copyOf).toList();
    }

    /** The codes of the verified criteria whose wording changed since generation, or that the requirement no longer has. */
    public List<String> changedCriteria(Requirement current) {
        return verified.entrySet().stream()
                .filter(e -> current.criterion(e.getKey()).map(c -> !c.hash().equals(e.getValue())).orElse(true))
                .map(Map.Entry::getKey).sorted().toList();
    }

    public boolean staleAgainst(Requirement current) { return !changedCriteria(current).isEmpty(); }

    /** The criteria step {@code index} (0-based) verifies, when this trace describes the revision shown. */
    public List<String> stepCriteria(int revisionShown, int index) {
        return revisionShown == revision && index < steps.size() ? steps.get(index) : List.of();
    }
}
