package dev.concierge.domain.testcasegeneration.model;

import java.util.List;

/**
 * What an import of requirements did: each requirement created, changed (naming the criteria whose wording changed,
 * were added or removed) or unchanged, and how many generated cases became stale.
 */
public record RequirementImport(List<Outcome> requirements, int staleCases) {
    public enum Result {
        CREATED, CHANGED, UNCHANGED;

        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public record Outcome(Requirement requirement, Result result, List<String> changedCriteria, List<String> addedCriteria,
                          List<String> removedCriteria) {
        public Outcome {
            changedCriteria = List.copyOf(changedCriteria);
            addedCriteria = List.copyOf(addedCriteria);
            removedCriteria = List.copyOf(removedCriteria);
        }
    }

    public RequirementImport { requirements = List.copyOf(requirements); }

    public long count(Result result) { return requirements.stream().filter(o -> o.result() == result).count(); }

    /** How {@code after} differs from {@code before}, criterion by criterion, judged by the hash of each wording. */
    public static Outcome compare(Requirement before, Requirement after) {
        List<String> changed = new java.util.ArrayList<>();
        List<String> added = new java.util.ArrayList<>();
        List<String> removed = new java.util.ArrayList<>();
        for (AcceptanceCriterion now : after.content().criteria()) {
            before.criterion(now.code()).ifPresentOrElse(was -> { if (!was.hash().equals(now.hash())) changed.add(now.code()); },
                    () -> added.add(now.code()));
        }
        for (AcceptanceCriterion was : before.content().criteria()) if (after.criterion(was.code()).isEmpty()) removed.add(was.code());
        boolean same = changed.isEmpty() && added.isEmpty() && removed.isEmpty()
                && before.content().title().equals(after.content().title())
                && before.content().description().equals(after.content().description());
        return new Outcome(after, same ? Result.UNCHANGED : Result.CHANGED, changed, added, removed);
    }
}
