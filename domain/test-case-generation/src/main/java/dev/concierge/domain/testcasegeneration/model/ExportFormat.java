package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

/** The file formats a suite is exported in; each name is also the file's extension. */
public enum ExportFormat {
    CSV("csv"), MARKDOWN("md"), XLSX("xlsx");

    private final String wireName;

    ExportFormat(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    /** {@code csv}, {@code md} (or {@code markdown}), {@code xlsx} (or {@code excel}); none means CSV. */
    public static ExportFormat parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "csv" -> CSV;
            case "md", "markdown" -> MARKDOWN;
            case "xlsx", "excel" -> XLSX;
            default -> throw InvalidInput.field("format", Validation.ONE_OF, "csv, md, xlsx");
        };
    }
}
