package dev.concierge.domain.tripsupport.model;

import java.util.List;
import java.util.Locale;

/** The estimate the domain computes (never the model): each line with its rule, the total, and every violation. */
public record ExpenseEstimate(String currency, List<Line> lines, long total, List<Violation> violations,
                              boolean approvalRequired, long approvalThreshold) {
    public ExpenseEstimate {
        lines = List.copyOf(lines);
        violations = List.copyOf(violations);
    }

    public enum Category {
        LODGING, PER_DIEM, TRANSPORT, OTHER;

        public String wireName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    /** One cost: what, how much, and the rule that produced or bounds it. */
    public record Line(Category category, String description, long amount, String rule) {}

    /** A broken rule: a stable code, what it says, and which line (index into lines) breaks it, if any. */
    public record Violation(String code, String rule, String message, int line) {}
}
