package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.Params;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.port.in.ExportProceduresUseCase.SuiteExport;
import dev.concierge.domain.kernel.Validation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A suite's procedures in the formats QA teams open: CSV with one row per step (UTF-8 with a BOM, so Excel reads
 * Japanese correctly), Markdown for wikis and reviews, XLSX. A case without a procedure yet is one row without steps.
 */
final class SuiteExportWriter {
    static final List<String> COLUMNS = List.of("Key", "Title", "Priority", "Status", "Requirement reference",
            "Step", "Action", "Expected result", "Test data");

    enum Format {
        CSV("csv", "text/csv; charset=utf-8"),
        MARKDOWN("md", "text/markdown; charset=utf-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        static Format parse(String value) {
            String v = value == null ? "csv" : value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "", "csv" -> CSV;
                case "md", "markdown" -> MARKDOWN;
                case "xlsx", "excel" -> XLSX;
                default -> throw Params.invalid("format", Validation.ONE_OF, "csv, md, xlsx");
            };
        }
    }

    private SuiteExportWriter() {}

    static byte[] write(SuiteExport export, Format format) {
        return switch (format) {
            case CSV -> csv(export);
            case MARKDOWN -> markdown(export).getBytes(StandardCharsets.UTF_8);
            case XLSX -> xlsx(export);
        };
    }

    /** One list per row, the columns of {@link #COLUMNS}. */
    static List<List<String>> rows(SuiteExport export) {
        List<List<String>> rows = new ArrayList<>();
        for (TestCase c : export.cases()) {
            var content = c.content();
            List<String> caseColumns = List.of(content.key().value(), content.title(), content.priority().wireName(),
                    c.status().wireName(), content.requirementReference());
            List<Step> steps = c.procedure().map(p -> p.procedure().steps()).orElse(List.of());
            if (steps.isEmpty()) {
                List<String> row = new ArrayList<>(caseColumns);
                row.addAll(List.of("", "", "", ""));
                rows.add(row);
            }
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                List<String> row = new ArrayList<>(caseColumns);
                row.addAll(List.of(Integer.toString(i + 1), step.action(), step.expectedResult(), step.testData().orElse("")));
                rows.add(row);
            }
        }
        return rows;
    }

    private static byte[] csv(SuiteExport export) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF'); // before the header: Excel decides the encoding from the first bytes
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
            for (List<String> row : rows(export)) printer.printRecord(row.stream().map(SuiteExportWriter::notAFormula).toList());
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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

    private static String markdown(SuiteExport export) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(line(export.suite().name())).append("\n\n");
        if (!export.suite().description().isBlank()) md.append(export.suite().description().strip()).append("\n\n");
        for (TestCase c : export.cases()) {
            var content = c.content();
            md.append("## ").append(line(content.key().value())).append(" — ").append(line(content.title())).append("\n\n");
            md.append("- Priority: ").append(content.priority().wireName()).append("\n");
            md.append("- Status: ").append(c.status().wireName()).append("\n");
            if (!content.requirementReference().isBlank()) md.append("- Requirement: ").append(line(content.requirementReference())).append("\n");
            if (!content.tags().isEmpty()) md.append("- Tags: ").append(line(String.join(", ", content.tags()))).append("\n");
            md.append("\n");
            if (!content.requirementText().isBlank()) md.append("> ").append(content.requirementText().strip().replace("\n", "\n> ")).append("\n\n");
            if (!content.preconditions().isBlank()) md.append("**Preconditions:** ").append(line(content.preconditions())).append("\n\n");
            if (!content.expectedResult().isBlank()) md.append("**Expected result:** ").append(line(content.expectedResult())).append("\n\n");
            var steps = c.procedure().map(p -> p.procedure().steps()).orElse(List.of());
            if (steps.isEmpty()) {
                md.append("_No procedure yet._\n\n");
                continue;
            }
            md.append("| # | Action | Expected result | Test data |\n|---|---|---|---|\n");
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                md.append("| ").append(i + 1).append(" | ").append(cell(s.action())).append(" | ").append(cell(s.expectedResult()))
                        .append(" | ").append(cell(s.testData().orElse(""))).append(" |\n");
            }
            md.append("\n");
        }
        return md.toString();
    }

    private static byte[] xlsx(SuiteExport export) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "Concierge", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Procedures");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.value(0, c, COLUMNS.get(c));
                sheet.style(0, c).bold().fillColor("DDDDDD").set();
            }
            List<List<String>> rows = rows(export);
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    if (c == 5 && !row.get(c).isEmpty()) sheet.value(r + 1, c, Integer.parseInt(row.get(c)));
                    else sheet.value(r + 1, c, row.get(c));
                }
            }
            double[] widths = {12, 40, 10, 12, 18, 6, 50, 50, 30};
            for (int c = 0; c < widths.length; c++) sheet.width(c, widths[c]);
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Text inside a Markdown table cell: pipes escaped, line breaks as <br>. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }

    private static String line(String text) { return text.replace("\r\n", " ").replace("\n", " "); }
}
