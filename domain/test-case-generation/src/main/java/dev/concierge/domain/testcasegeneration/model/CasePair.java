package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Objects;

/** Two different cases, the smaller id first, so (a, b) and (b, a) are one pair when a person dismisses it. */
public record CasePair(TestCaseId first, TestCaseId second) {
    public CasePair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.value() == second.value()) throw InvalidInput.field("caseIds", Validation.DUPLICATE, first.value());
        if (first.value() > second.value()) {
            TestCaseId swap = first;
            first = second;
            second = swap;
        }
    }

    public static CasePair of(TestCaseId a, TestCaseId b) { return new CasePair(a, b); }
}
