package dev.concierge.domain.testcasegeneration.model;

import java.util.Locale;
import java.util.Optional;

/** What a generated case checks: the normal path, a boundary value, or an error. */
public enum CaseKind {
    NORMAL, BOUNDARY, ERROR;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<CaseKind> parse(String value) {
        for (CaseKind kind : values()) if (kind.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) return Optional.of(kind);
        return Optional.empty();
    }
}
