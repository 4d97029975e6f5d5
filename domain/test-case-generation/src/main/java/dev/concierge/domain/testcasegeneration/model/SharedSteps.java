package dev.concierge.domain.testcasegeneration.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the step sequences ({@value #MIN_LENGTH} steps or more in a row) that appear in more than one case. Only the
 * longest run is listed: a run of three shared by the same cases hides the two runs of two inside it.
 */
public final class SharedSteps {
    public static final int MIN_LENGTH = 2;
    /** Longer runs than this are reported as their first {@value} steps: a shared step is rarely longer. */
    public static final int MAX_LENGTH = 10;

    private SharedSteps() {}

    public static List<SharedStepCandidate> find(List<TestCase> cases) {
        // normalised run → (the steps as first written, the ids of the cases that contain it)
        Map<List<String>, Run> runs = new LinkedHashMap<>();
        Map<TestCaseId, CaseRef> refs = new LinkedHashMap<>();
        for (TestCase c : cases) {
            if (c.procedure().isEmpty()) continue;
            refs.put(c.id(), new CaseRef(c.id(), c.content().key(), c.content().title(), c.status()));
            List<Step> steps = c.procedure().get().procedure().steps();
            List<String> normal = steps.stream().map(SharedSteps::normal).toList();
            for (int start = 0; start + MIN_LENGTH <= steps.size(); start++) {
                for (int length = MIN_LENGTH; length <= MAX_LENGTH && start + length <= steps.size(); length++) {
                    List<String> key = normal.subList(start, start + length);
                    int from = start;
                    int to = start + length;
                    runs.computeIfAbsent(List.copyOf(key), k -> new Run(steps.subList(from, to), new TreeSet<>(Comparator.comparingLong(TestCaseId::value))))
                            .cases().add(c.id());
                }
            }
        }
        List<Map.Entry<List<String>, Run>> shared = runs.entrySet().stream().filter(e -> e.getValue().cases().size() > 1).toList();
        // Only runs shared by the same cases can hide one another.
        Map<Set<TestCaseId>, List<List<String>>> bySameCases = new java.util.HashMap<>();
        shared.forEach(e -> bySameCases.computeIfAbsent(e.getValue().cases(), k -> new ArrayList<>()).add(e.getKey()));
        List<SharedStepCandidate> found = new ArrayList<>();
        for (var entry : shared) {
            boolean inLonger = bySameCases.get(entry.getValue().cases()).stream().anyMatch(other -> other.size() > entry.getKey().size()
                    && java.util.Collections.indexOfSubList(other, entry.getKey()) >= 0);
            if (inLonger) continue;
            found.add(new SharedStepCandidate(entry.getValue().steps(), entry.getValue().cases().stream().map(refs::get)
                    .sorted(Comparator.comparing(r -> r.key().value())).toList()));
        }
        found.sort(Comparator.<SharedStepCandidate>comparingInt(s -> s.cases().size()).reversed()
                .thenComparing(Comparator.<SharedStepCandidate>comparingInt(s -> s.steps().size()).reversed())
                .thenComparing(s -> s.cases().getFirst().key().value()));
        return found;
    }

    /** Width, case, spaces and punctuation do not make two steps different. */
    static String normal(Step step) {
        return normal(step.action()) + "\u0000" + normal(step.expectedResult()) + "\u0000" + step.testData().map(SharedSteps::normal).orElse("");
    }

    private static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\s]+", "");
    }

    private record Run(List<Step> steps, Set<TestCaseId> cases) {}
}
