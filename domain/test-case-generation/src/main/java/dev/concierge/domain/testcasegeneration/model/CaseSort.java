package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

/** The column a suite's cases are listed by; ties are broken by key, so an order is always complete. */
public enum CaseSort {
    KEY, TITLE, PRIORITY, STATUS, UPDATED;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    /** A sort as the URL names it: {@code title} ascending, {@code -title} descending; blank is by key. */
    public static Ordering parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) return Ordering.BY_KEY;
        boolean descending = v.startsWith("-");
        String name = descending ? v.substring(1) : v;
        for (CaseSort sort : values()) if (sort.wireName().equals(name)) return new Ordering(sort, descending);
        throw InvalidInput.field("sort", Validation.ONE_OF, "key, title, priority, status, updated, -key, -title, -priority, -status, -updated");
    }

    /** A column and a direction. */
    public record Ordering(CaseSort by, boolean descending) {
        public static final Ordering BY_KEY = new Ordering(KEY, false);

        public Ordering {
            java.util.Objects.requireNonNull(by, "by");
        }

        public String wireName() { return (descending ? "-" : "") + by.wireName(); }
    }
}
