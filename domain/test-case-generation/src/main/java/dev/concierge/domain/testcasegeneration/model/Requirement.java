package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Language;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored requirement of a suite: what it says ({@link NewRequirement}) and when it last changed. */
public record Requirement(RequirementId id, SuiteId suite, NewRequirement content, Instant updatedAt) {
    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String reference() { return content.reference(); }

    public Optional<AcceptanceCriterion> criterion(String code) {
        return content.criteria().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Language language() { return content.language(); }

    /** The key of the {@code n}th case generated from this requirement, e.g. {@code REQ-12-C03}. */
    public TestCaseKey caseKey(int n) { return new TestCaseKey(reference() + "-C" + (n < 10 ? "0" + n : String.valueOf(n))); }
}
