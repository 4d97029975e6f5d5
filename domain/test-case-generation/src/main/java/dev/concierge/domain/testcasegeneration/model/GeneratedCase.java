package dev.concierge.domain.testcasegeneration.model;

import java.util.List;
import java.util.Objects;

/**
 * A case the model wrote for a requirement: its kind, wording, the criteria it verifies (those it names and those
 * its steps name) and its steps, each step naming the criteria it verifies. {@link #problems} is the one gate: a reply that breaks a rule is retried.
 */
public record GeneratedCase(CaseKind kind, String title, String preconditions, String expectedResult, List<String> criteria,
                            List<TracedStep> steps) {
    public static final int MAX_CASES = 10;

    public record TracedStep(Step step, List<String> criteria) {
        public TracedStep {
            Objects.requireNonNull(step, "step");
            criteria = List.copyOf(criteria);
        }
    }

    public GeneratedCase {
        Objects.requireNonNull(kind, "kind");
        title = title == null ? "" : title.strip();
        preconditions = preconditions == null ? "" : preconditions.strip();
        expectedResult = expectedResult == null ? "" : expectedResult.strip();
        steps = List.copyOf(steps);
        // A case verifies what it names and what its steps verify.
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(criteria);
        steps.forEach(s -> all.addAll(s.criteria()));
        criteria = List.copyOf(all);
    }

    public Procedure procedure() { return new Procedure(steps.stream().map(TracedStep::step).toList()); }

    /**
     * Every rule the cases break for this requirement, each naming the place, e.g. {@code cases[1].steps[0].criteria
     * names AC9, which the requirement does not have}; empty when usable. Phrased for the model, which reads them on a retry.
     */
    public static List<String> problems(Requirement requirement, List<GeneratedCase> cases, int expected) {
        List<String> problems = new java.util.ArrayList<>();
        if (cases.isEmpty()) problems.add("cases must hold at least 1 case");
        if (cases.size() > Math.max(expected, MAX_CASES)) problems.add("cases must hold at most " + Math.max(expected, MAX_CASES) + " cases");
        for (int i = 0; i < cases.size(); i++) {
            GeneratedCase c = cases.get(i);
            String at = "cases[" + i + "]";
            if (c.title().isBlank()) problems.add(at + ".title must not be blank");
            if (dev.concierge.domain.kernel.Validation.length(c.title()) > TestCaseContent.MAX_TITLE) {
                problems.add(at + ".title must be at most " + TestCaseContent.MAX_TITLE + " characters");
            }
            if (c.criteria().isEmpty()) problems.add(at + ".criteria must name at least 1 acceptance criterion");
            for (String code : c.criteria()) {
                if (requirement.criterion(code).isEmpty()) problems.add(at + " names criterion " + code + ", which the requirement does not have");
            }
            Procedure.problemsOf(c.steps().stream().map(TracedStep::step).toList())
                    .forEach(p -> problems.add(at + "." + p));
            for (int s = 0; s < c.steps().size(); s++) {
                if (c.steps().get(s).criteria().isEmpty()) problems.add(at + ".steps[" + s + "].criteria must name at least 1 acceptance criterion");
            }
        }
        return problems;
    }
}
