package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

/** What a reviewer did to one step. */
public enum StepVerdict {
    /** Kept as it is. */
    ACCEPTED,
    /** Rewritten by the reviewer. */
    EDITED,
    /** Rewritten by the model at the reviewer's request. */
    REGENERATED;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static StepVerdict parse(String value) {
        for (StepVerdict verdict : values()) if (verdict.wireName().equals(value)) return verdict;
        throw InvalidInput.field("verdict", Validation.ONE_OF, "accepted, edited, regenerated");
    }
}
