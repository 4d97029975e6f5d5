package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

/**
 * The file formats a suite is exported in: the everyday ones (CSV, Markdown, XLSX) and those QA teams migrate with —
 * TestRail's CSV, Xray's CSV and JSON, Gherkin feature files. {@link #wireName()} names the format in the API and
 * the database; {@link #extension()} is the file's extension.
 */
public enum ExportFormat {
    CSV("csv", "csv"), MARKDOWN("md", "md"), XLSX("xlsx", "xlsx"),
    TESTRAIL_CSV("testrail-csv", "csv"), XRAY_CSV("xray-csv", "csv"), XRAY_JSON("xray-json", "json"), GHERKIN("feature", "feature");

    private final String wireName;
    private final String extension;

    ExportFormat(String wireName, String extension) {
        this.wireName = wireName;
        this.extension = extension;
    }

    public String wireName() { return wireName; }

    public String extension() { return extension; }

    /** What a file name carries besides the extension, so a TestRail CSV and a plain CSV of one suite differ. */
    public String fileSuffix() { return (wireName.equals(extension) ? "" : "-" + wireName.replace("-" + extension, "")) + "." + extension; }

    /** {@code csv}, {@code md} (or {@code markdown}), {@code xlsx} (or {@code excel}), {@code testrail-csv}, {@code xray-csv}, {@code xray-json}, {@code feature} (or {@code gherkin}); none means CSV. */
    public static ExportFormat parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "csv" -> CSV;
            case "md", "markdown" -> MARKDOWN;
            case "xlsx", "excel" -> XLSX;
            case "testrail-csv", "testrail" -> TESTRAIL_CSV;
            case "xray-csv" -> XRAY_CSV;
            case "xray-json", "xray" -> XRAY_JSON;
            case "feature", "gherkin" -> GHERKIN;
            default -> throw InvalidInput.field("format", Validation.ONE_OF, "csv, md, xlsx, testrail-csv, xray-csv, xray-json, feature");
        };
    }
}
