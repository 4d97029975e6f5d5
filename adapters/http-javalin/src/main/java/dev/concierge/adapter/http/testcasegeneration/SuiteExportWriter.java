package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A suite's procedures in the formats QA teams open: CSV with one row per step (UTF-8 with a BOM, so Excel reads
 * Japanese correctly), Markdown for wikis and reviews, XLSX. A case without a procedure yet is one row without steps.
 * Each case is written as it is read, so the file streams out and memory stays flat however large the suite; the
 * same writer serves direct downloads and background exports (bootstrap meets the domain's {@code SuiteDocuments} port with it).
 */
public final class SuiteExportWriter {
    /** The column keys, in order; their headers come from the bundle in the file's language. */
    static final List<String> COLUMN_KEYS = List.of("key", "title", "priority", "status", "requirementReference",
            "step", "action", "expectedResult", "testData", "preconditions", "caseExpectedResult",
            // how the current revision was made (issue 25), empty for a person's edit
            "provider", "model", "promptTemplate", "schemaVersion", "attempts", "inputTokens", "outputTokens", "durationMs");
    /** The columns a spreadsheet gets as numbers; every other one, the prompt and schema versions too, is text. */
    private static final Set<String> NUMBER_COLUMNS = Set.of("step", "attempts", "inputTokens", "outputTokens", "durationMs");
    /** The English headers (a file asked for in English), also what older tests and imports know. */
    static final List<String> COLUMNS = columns(TestCaseGenerationTexts.of(Language.EN));
    /** XLSX rows kept in memory before fastexcel writes them out. */
    private static final int XLSX_ROWS_PER_FLUSH = 500;

    public String contentType(ExportFormat format) { return contentTypeOf(format); }

    /** A background export's file, worded in the language of the person who asked for it. */
    public void write(SuiteExport export, ExportFormat format, Language language, OutputStream out) throws IOException {
        writeTo(export, format, out, TestCaseGenerationTexts.of(language));
    }

    static List<String> columns(TestCaseGenerationTexts texts) {
        return COLUMN_KEYS.stream().map(k -> texts.t("tcg.export.column." + k)).toList();
    }

    static String contentTypeOf(ExportFormat format) {
        return switch (format) {
            case CSV -> "text/csv; charset=utf-8";
            case MARKDOWN -> "text/markdown; charset=utf-8";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case TESTRAIL_CSV, XRAY_CSV -> "text/csv; charset=utf-8";
            case XRAY_JSON -> "application/json";
            case GHERKIN -> "text/plain; charset=utf-8";
        };
    }

    static void writeTo(SuiteExport export, ExportFormat format, OutputStream out) throws IOException {
        writeTo(export, format, out, TestCaseGenerationTexts.of(Language.EN));
    }

    /** Headers, labels, priorities and states in the language of {@code texts}; what people wrote stays as written. */
    static void writeTo(SuiteExport export, ExportFormat format, OutputStream out, TestCaseGenerationTexts texts) throws IOException {
        try {
            switch (format) {
                case CSV -> csv(export, out, texts);
                case MARKDOWN -> markdown(export, out, texts);
                case XLSX -> xlsx(export, out, texts);
                case TESTRAIL_CSV -> MigrationDocuments.testRailCsv(export, out);
                case XRAY_CSV -> MigrationDocuments.xrayCsv(export, out);
                case XRAY_JSON -> MigrationDocuments.xrayJson(export, out);
                case GHERKIN -> MigrationDocuments.gherkin(export, out, texts.language());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // thrown from inside a case callback
        }
    }

    /** One list per row, the columns of {@link #COLUMNS}: a case without steps is one row, else a row per step. */
    static List<List<String>> rows(TestCase c) { return rows(c, TestCaseGenerationTexts.of(Language.EN)); }

    static List<List<String>> rows(TestCase c, TestCaseGenerationTexts texts) {
        List<List<String>> rows = new ArrayList<>();
        var content = c.content();
        List<String> caseColumns = List.of(content.key().value(), content.title(), texts.priority(content.priority()),
                texts.status(c.status()), content.requirementReference());
        // The case's preconditions and expected result come after the step columns, so the columns files had before
        // keep their place; then how the current revision was made, empty for a person's edit.
        List<String> caseTexts = List.of(content.preconditions(), content.expectedResult());
        List<String> provenance = c.procedure().flatMap(r -> r.provenance()).map(p -> List.of(p.provider(), p.model(),
                p.promptTemplate(), p.schema(), Integer.toString(p.attempts()), Long.toString(p.inputTokens()),
                Long.toString(p.outputTokens()), Long.toString(p.duration().toMillis()))).orElse(List.of("", "", "", "", "", "", "", ""));
        List<Step> steps = c.procedure().map(p -> p.procedure().steps()).orElse(List.of());
        if (steps.isEmpty()) {
            List<String> row = new ArrayList<>(caseColumns);
            row.addAll(List.of("", "", "", ""));
            row.addAll(caseTexts);
            row.addAll(provenance);
            rows.add(row);
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<String> row = new ArrayList<>(caseColumns);
            row.addAll(List.of(Integer.toString(i + 1), step.action(), step.expectedResult(), step.testData().orElse("")));
            row.addAll(caseTexts);
            row.addAll(provenance);
            rows.add(row);
        }
        return rows;
    }

    private static void csv(SuiteExport export, OutputStream out, TestCaseGenerationTexts texts) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF'); // before the header: Excel decides the encoding from the first bytes
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(columns(texts).toArray(String[]::new)).get());
        export.cases().forEach(unchecked(c -> {
            for (List<String> row : rows(c, texts)) printer.printRecord(row.stream().map(SuiteExportWriter::notAFormula).toList());
        }));
        printer.flush();
    }

    /**
     * Excel runs a cell starting with = + - @ as a formula (CSV injection: a title or model-written step such as
     * {@code =HYPERLINK(...)}); a leading apostrophe keeps it text. Plain negative numbers stay as they are.
     */
    static String notAFormula(String value) {
        if (value == null || value.isEmpty()) return value;
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || (first == '-' && !value.matches("-\\d+([.,]\\d+)?"));
        return risky ? "'" + value : value;
    }


    private static void markdown(SuiteExport export, OutputStream out, TestCaseGenerationTexts texts) throws IOException {
        Writer md = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        md.append("# ").append(line(export.suite().name())).append("\n\n");
        if (!export.suite().description().isBlank()) md.append(export.suite().description().strip()).append("\n\n");
        export.cases().forEach(unchecked(c -> markdownCase(c, md, texts)));
        md.flush();
    }

    private static void markdownCase(TestCase c, Writer md, TestCaseGenerationTexts texts) throws IOException {
        var content = c.content();
        String colon = texts.t("tcg.export.colon");
        md.append("## ").append(line(content.key().value())).append(" — ").append(line(content.title())).append("\n\n");
        md.append("- ").append(texts.t("tcg.export.column.priority")).append(colon).append(texts.priority(content.priority())).append("\n");
        md.append("- ").append(texts.t("tcg.export.column.status")).append(colon).append(texts.status(c.status())).append("\n");
        if (!content.requirementReference().isBlank()) {
            md.append("- ").append(texts.t("tcg.export.column.requirementReference")).append(colon).append(line(content.requirementReference())).append("\n");
        }
        var generatedBy = c.procedure().flatMap(r -> r.provenance());
        if (generatedBy.isPresent()) {
            var p = generatedBy.get();
            md.append("- ").append(texts.t("tcg.export.provenance")).append(colon).append(line(texts.t("tcg.provenance.line", p.provider(),
                    p.model(), p.promptTemplate(), p.schema(), p.attempts(), p.inputTokens(), p.outputTokens(), p.duration().toMillis())))
                    .append("\n");
        }
        if (!content.tags().isEmpty()) {
            md.append("- ").append(texts.t("tcg.export.tags")).append(colon).append(line(String.join(", ", content.tags()))).append("\n");
        }
        md.append("\n");
        if (!content.requirementText().isBlank()) md.append("> ").append(content.requirementText().strip().replace("\n", "\n> ")).append("\n\n");
        if (!content.preconditions().isBlank()) {
            md.append("**").append(texts.t("tcg.export.preconditions")).append("**").append(colon).append(line(content.preconditions())).append("\n\n");
        }
        if (!content.expectedResult().isBlank()) {
            md.append("**").append(texts.t("tcg.export.column.expectedResult")).append("**").append(colon).append(line(content.expectedResult())).append("\n\n");
        }
        var steps = c.procedure().map(p -> p.procedure().steps()).orElse(List.of());
        if (steps.isEmpty()) {
            md.append("_").append(texts.t("tcg.export.noProcedure")).append("_\n\n");
            return;
        }
        md.append("| # | ").append(texts.t("tcg.export.column.action")).append(" | ").append(texts.t("tcg.export.column.expectedResult"))
                .append(" | ").append(texts.t("tcg.export.column.testData")).append(" |\n|---|---|---|---|\n");
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            md.append("| ").append(Integer.toString(i + 1)).append(" | ").append(cell(s.action())).append(" | ").append(cell(s.expectedResult()))
                    .append(" | ").append(cell(s.testData().orElse(""))).append(" |\n");
        }
        md.append("\n");
    }

    private static void xlsx(SuiteExport export, OutputStream out, TestCaseGenerationTexts texts) throws IOException {
        Workbook workbook = new Workbook(out, "Concierge", "1.0");
        Worksheet sheet = workbook.newWorksheet(texts.t("tcg.export.sheet"));
        List<String> columns = columns(texts);
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c));
            sheet.style(0, c).bold().fillColor("DDDDDD").set();
        }
        double[] widths = {12, 40, 10, 12, 18, 6, 50, 50, 30, 40, 40, 10, 16, 14, 16, 8, 10, 10, 10};
        for (int c = 0; c < widths.length; c++) sheet.width(c, widths[c]);
        sheet.freezePane(0, 1);
        int[] next = {1};
        export.cases().forEach(unchecked(testCase -> {
            for (List<String> row : rows(testCase, texts)) {
                int r = next[0]++;
                for (int c = 0; c < row.size(); c++) {
                    if (NUMBER_COLUMNS.contains(COLUMN_KEYS.get(c)) && !row.get(c).isEmpty()) sheet.value(r, c, Long.parseLong(row.get(c)));
                    // Inline, not in the shared-strings table, which fastexcel keeps in memory until the end.
                    else sheet.inlineString(r, c, row.get(c));
                }
                // fastexcel keeps rows until flushed: written out in slices, a sheet of any length streams.
                if (r % XLSX_ROWS_PER_FLUSH == 0) sheet.flush();
            }
        }));
        sheet.finish();
        workbook.finish();
    }

    @FunctionalInterface
    private interface CaseWriting {
        void write(TestCase c) throws IOException;
    }

    private static Consumer<TestCase> unchecked(CaseWriting writing) {
        return c -> {
            try {
                writing.write(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Text inside a Markdown table cell: pipes escaped, line breaks as <br>. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }

    private static String line(String text) { return text.replace("\r\n", " ").replace("\n", " "); }
}
