package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A suite in the formats of the tools QA teams migrate from and to. Their column names and keywords are the tools'
 * own (English for TestRail and Xray, which match headers by name; Gherkin's keywords in the file's language), so a
 * file goes into the other tool as it is. Like the other exports, each case is written as it is read.
 * <ul>
 *   <li>TestRail CSV: one row per step; the case's columns on its first row only, as TestRail's CSV import reads
 *       "steps in multiple rows" (ID, Title, Section, Template, Priority, References, Preconditions, Steps (Step),
 *       Steps (Expected Result), Steps (Additional Info) for the test data).</li>
 *   <li>Xray CSV: one row per step, grouped by Test ID (Test ID, Summary, Description, Priority, Labels, Precondition,
 *       Action, Data, Result), the layout of Xray's test case importer.</li>
 *   <li>Xray JSON: the array of Xray's bulk test import ({@code testtype}, {@code fields}, {@code steps} with
 *       action/data/result); our key travels as {@code externalId} so a re-import matches it.</li>
 *   <li>Gherkin: a feature with one scenario per case: preconditions as Given, each action as When, each expected
 *       result as Then, test data as a doc string.</li>
 * </ul>
 */
final class MigrationDocuments {
    static final List<String> TESTRAIL_COLUMNS = List.of("ID", "Title", "Section", "Template", "Priority", "References", "Preconditions",
            "Steps (Step)", "Steps (Expected Result)", "Steps (Additional Info)");
    static final List<String> XRAY_COLUMNS = List.of("Test ID", "Summary", "Description", "Priority", "Labels", "Precondition",
            "Action", "Data", "Result");

    private MigrationDocuments() {}

    /** TestRail's and Xray's default priority names. */
    static String toolPriority(Priority priority) {
        return switch (priority) {
            case LOW -> "Low";
            case MEDIUM -> "Medium";
            case HIGH -> "High";
            case CRITICAL -> "Critical";
        };
    }

    static void testRailCsv(SuiteExport export, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(TESTRAIL_COLUMNS.toArray(String[]::new)).get());
        String section = export.suite().name();
        forEach(export, c -> {
            var content = c.content();
            List<Step> steps = steps(c);
            for (int i = 0; i < Math.max(1, steps.size()); i++) {
                boolean first = i == 0;
                Step step = i < steps.size() ? steps.get(i) : null;
                printer.printRecord(safe(List.of(first ? content.key().value() : "", first ? content.title() : "", first ? section : "",
                        first ? "Test Case (Steps)" : "", first ? toolPriority(content.priority()) : "",
                        first ? content.requirementReference() : "", first ? content.preconditions() : "",
                        step == null ? "" : step.action(), step == null ? "" : step.expectedResult(),
                        step == null ? "" : step.testData().orElse(""))));
            }
        });
        printer.flush();
    }

    static void xrayCsv(SuiteExport export, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(XRAY_COLUMNS.toArray(String[]::new)).get());
        forEach(export, c -> {
            var content = c.content();
            List<Step> steps = steps(c);
            for (int i = 0; i < Math.max(1, steps.size()); i++) {
                Step step = i < steps.size() ? steps.get(i) : null;
                printer.printRecord(safe(List.of(content.key().value(), content.title(), description(c), toolPriority(content.priority()),
                        String.join(" ", content.tags().stream().map(t -> t.replace(' ', '_')).toList()), content.preconditions(),
                        step == null ? "" : step.action(), step == null ? "" : step.testData().orElse(""),
                        step == null ? "" : step.expectedResult())));
            }
        });
        printer.flush();
    }

    static void xrayJson(SuiteExport export, OutputStream out) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.useDefaultPrettyPrinter();
        json.writeStartArray();
        forEach(export, c -> {
            var content = c.content();
            json.writeStartObject();
            json.writeStringField("testtype", "Manual");
            json.writeStringField("externalId", content.key().value());
            json.writeObjectFieldStart("fields");
            json.writeStringField("summary", content.title());
            json.writeStringField("description", description(c));
            json.writeObjectFieldStart("priority");
            json.writeStringField("name", toolPriority(content.priority()));
            json.writeEndObject();
            json.writeArrayFieldStart("labels");
            for (String tag : content.tags()) json.writeString(tag.replace(' ', '_'));
            json.writeEndArray();
            json.writeEndObject();
            if (!content.preconditions().isBlank()) json.writeStringField("precondition", content.preconditions());
            json.writeStringField("xray_test_repository_folder", export.suite().name());
            json.writeArrayFieldStart("steps");
            for (Step step : steps(c)) {
                json.writeStartObject();
                json.writeStringField("action", step.action());
                json.writeStringField("data", step.testData().orElse(""));
                json.writeStringField("result", step.expectedResult());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
        json.writeEndArray();
        json.flush();
    }

    static void gherkin(SuiteExport export, OutputStream out, Language language) throws IOException {
        Keywords k = language == Language.JA ? Keywords.JA : Keywords.EN;
        Writer feature = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        feature.append("# language: ").append(language.tag()).append("\n");
        feature.append(k.feature).append(": ").append(line(export.suite().name())).append("\n");
        if (!export.suite().description().isBlank()) feature.append("  ").append(line(export.suite().description())).append("\n");
        forEach(export, c -> {
            var content = c.content();
            feature.append("\n  @").append(tag(content.key().value())).append(" @").append(content.priority().wireName());
            for (String t : content.tags()) feature.append(" @").append(tag(t));
            feature.append("\n  ").append(k.scenario).append(": ").append(line(content.key().value() + " " + content.title())).append("\n");
            if (!content.requirementText().isBlank()) feature.append("    # ").append(line(content.requirementText())).append("\n");
            String given = k.given;
            for (String pre : content.preconditions().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                feature.append("    ").append(given).append(" ").append(pre).append("\n");
                given = k.and;
            }
            for (Step step : steps(c)) {
                feature.append("    ").append(k.when).append(" ").append(line(step.action())).append("\n");
                if (step.testData().isPresent()) {
                    feature.append("      \"\"\"\n");
                    for (String data : step.testData().get().lines().toList()) feature.append("      ").append(data.replace("\"\"\"", "\\\"\\\"\\\"")).append("\n");
                    feature.append("      \"\"\"\n");
                }
                feature.append("    ").append(k.then).append(" ").append(line(step.expectedResult())).append("\n");
            }
            if (steps(c).isEmpty() && !content.expectedResult().isBlank()) {
                feature.append("    ").append(k.then).append(" ").append(line(content.expectedResult())).append("\n");
            }
        });
        feature.flush();
    }

    /** Gherkin's keywords, as its Japanese dialect spells them. */
    private enum Keywords {
        EN("Feature", "Scenario", "Given", "When", "Then", "And"),
        JA("機能", "シナリオ", "前提", "もし", "ならば", "かつ");

        final String feature, scenario, given, when, then, and;

        Keywords(String feature, String scenario, String given, String when, String then, String and) {
            this.feature = feature;
            this.scenario = scenario;
            this.given = given;
            this.when = when;
            this.then = then;
            this.and = and;
        }
    }

    /** The requirement and the case's expected result, which Xray keeps in the test's description. */
    private static String description(TestCase c) {
        var content = c.content();
        StringBuilder text = new StringBuilder();
        if (!content.requirementReference().isBlank()) text.append(content.requirementReference()).append("\n");
        if (!content.requirementText().isBlank()) text.append(content.requirementText()).append("\n");
        if (!content.expectedResult().isBlank()) text.append("\n").append(content.expectedResult());
        return text.toString().strip();
    }

    private static List<Step> steps(TestCase c) { return c.procedure().map(p -> p.procedure().steps()).orElse(List.of()); }

    private static List<String> safe(List<String> row) { return row.stream().map(SuiteExportWriter::notAFormula).toList(); }

    private static String tag(String text) { return text.strip().replaceAll("\\s+", "_").toLowerCase(Locale.ROOT); }

    private static String line(String text) { return text.replace("\r\n", " ").replace("\n", " ").strip(); }

    @FunctionalInterface
    private interface CaseWriting {
        void write(TestCase c) throws IOException;
    }

    private static void forEach(SuiteExport export, CaseWriting writing) {
        export.cases().forEach((Consumer<TestCase>) c -> {
            try {
                writing.write(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
