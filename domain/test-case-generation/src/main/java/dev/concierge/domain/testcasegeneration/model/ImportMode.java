package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

/** What an import does with a row, matched to the suite's cases by its key (the external id of the tool it came from). */
public enum ImportMode {
    /** New keys become cases, known keys update theirs (the default). */
    UPSERT,
    /** New keys become cases; known keys are skipped. */
    CREATE,
    /** Known keys update their cases; new keys are skipped. */
    UPDATE;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    /** {@code upsert} (none), {@code create} or {@code update}. */
    public static ImportMode parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "upsert" -> UPSERT;
            case "create" -> CREATE;
            case "update" -> UPDATE;
            default -> throw InvalidInput.field("mode", Validation.ONE_OF, "upsert, create, update");
        };
    }
}
