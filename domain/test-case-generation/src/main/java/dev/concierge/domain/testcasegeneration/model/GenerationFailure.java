package dev.concierge.domain.testcasegeneration.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Why generating a case gave up, as a stable code a page words for its reader. The operator's account (which model,
 * which setting) goes to the log and the job's record, never to the case.
 */
public enum GenerationFailure {
    /** The model kept writing procedures that break the rules. */
    INVALID_OUTPUT,
    /** No model answered, retry after retry. */
    MODEL_UNAVAILABLE,
    /** The model was unavailable and the batch was cancelled meanwhile. */
    CANCELLED_WHILE_UNAVAILABLE,
    /** Anything else; the log has the details. */
    UNEXPECTED;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    /** The code a case stored; empty for a reason written before codes (free text). */
    public static Optional<GenerationFailure> parse(String stored) {
        for (GenerationFailure failure : values()) if (failure.wireName().equals(stored)) return Optional.of(failure);
        return Optional.empty();
    }
}
