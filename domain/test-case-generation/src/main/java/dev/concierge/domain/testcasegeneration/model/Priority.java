package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

public enum Priority {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    /** English names, and the Japanese ones QA sheets use (低, 中, 高, 最高/緊急). Blank means medium. */
    public static Priority parse(String value) {
        if (value == null || value.isBlank()) return MEDIUM;
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "low", "低", "p3" -> LOW;
            case "medium", "med", "normal", "中", "p2" -> MEDIUM;
            case "high", "高", "p1" -> HIGH;
            case "critical", "最高", "緊急", "p0" -> CRITICAL;
            default -> throw InvalidInput.field("priority", Validation.ONE_OF, "low, medium, high, critical");
        };
    }
}
