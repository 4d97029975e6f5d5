package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.BadRequest;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.NewRequirement;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads requirements from the files teams keep them in: CSV (UTF-8 or Windows-31J) or XLSX with a header row in
 * English or Japanese — a row per requirement with its criteria one per line, or a row per criterion with the
 * requirement's id repeated — or Markdown, a heading per requirement ({@code ## REQ-1 Sign-in}) with its criteria as a
 * list. A criterion may carry its code ({@code AC1: …}); otherwise it is numbered AC1, AC2, … in order. Only the file's
 * shape is judged here; the domain judges each requirement, and every problem is reported at once.
 */
final class RequirementFileReader {
    enum Format {
        CSV, XLSX, MARKDOWN;

        /** From the upload's file name, else its content type, else its first bytes. */
        static Format of(String fileName, String contentType, byte[] bytes) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (name.endsWith(".xlsx") || type.contains("spreadsheetml") || zip(bytes)) return XLSX;
            if (name.endsWith(".md") || name.endsWith(".markdown") || type.startsWith("text/markdown")) return MARKDOWN;
            return CSV;
        }

        /** An XLSX file is a ZIP archive: "PK\3\4". */
        private static boolean zip(byte[] bytes) {
            return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        }
    }

    enum Column {
        REFERENCE(true, "id", "reference", "requirementid", "requirementreference", "reqid", "requirementkey", "key", "要件id", "要件番号", "要求id", "要件no"),
        TITLE(true, "title", "name", "requirement", "requirementname", "summary", "タイトル", "要件名", "要件", "件名", "名称"),
        DESCRIPTION(false, "description", "details", "detail", "requirementtext", "説明", "詳細", "要件内容", "本文", "内容"),
        CRITERIA(false, "acceptancecriteria", "acceptancecriterion", "criteria", "criterion", "ac", "受け入れ基準", "受入基準", "受け入れ条件", "受入条件", "受け入れ基準内容"),
        CRITERION_ID(false, "criterionid", "criteriaid", "acid", "acceptancecriterionid", "基準id", "受け入れ基準id", "受入基準id");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = Arrays.asList(names);
        }
    }

    /** "- AC1: text", "1. AC-2 ： text", "・text": an optional list mark, an optional code, the criterion. */
    private static final Pattern CRITERION = Pattern.compile(
            "^\\s*(?:[-*+・•]|\\d{1,3}[.)．])?\\s*(?:([A-Za-z]{1,6}[-_]?\\d{1,4})\\s*[:：.)．]\\s*)?(.+?)\\s*$");
    /** A Markdown heading that starts a requirement: "## REQ-1 Sign-in", "## REQ-1: Sign-in", "# 要件 R-2 ログイン" is not one. */
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern REFERENCE_FIRST = Pattern.compile("^([\\p{L}\\p{N}][\\p{L}\\p{N}._\\-/]*\\d[\\p{L}\\p{N}._\\-/]*)\\s*[:：\\-–—]?\\s*(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,3}[.)])\\s+.+");

    /** One requirement as the file states it, before the domain judges it. */
    private record Draft(String reference, StringBuilder title, StringBuilder description, List<String[]> criteria) {
        Draft(String reference) { this(reference, new StringBuilder(), new StringBuilder(), new ArrayList<>()); }
    }

    private RequirementFileReader() {}

    static List<NewRequirement> read(byte[] bytes, Format format) {
        List<Draft> drafts = switch (format) {
            case CSV -> table(csvRows(TestCaseCsvReader.decode(bytes)));
            case XLSX -> table(xlsxRows(bytes));
            case MARKDOWN -> markdown(TestCaseCsvReader.decode(bytes));
        };
        if (drafts.isEmpty()) throw BadRequest.of(List.of(FieldError.of("file", "no_requirements")));
        Validation problems = new Validation();
        List<NewRequirement> requirements = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            String at = "requirements[" + i + "].";
            List<AcceptanceCriterion> criteria = new ArrayList<>();
            Set<String> codes = new LinkedHashSet<>();
            for (int c = 0; c < d.criteria().size(); c++) {
                String[] given = d.criteria().get(c);
                String code = given[0] == null || given[0].isBlank() ? "AC" + (c + 1) : given[0].strip();
                // An unnumbered criterion after numbered ones must not take a code already used.
                for (int n = c + 1; !codes.add(code); n++) code = "AC" + n;
                String finalCode = code;
                problems.nested(at + "criteria[" + c + "].", () -> AcceptanceCriterion.of(finalCode, given[1])).ifPresent(criteria::add);
            }
            problems.nested(at, () -> new NewRequirement(d.reference(), d.title().toString(), d.description().toString(), criteria))
                    .ifPresent(requirements::add);
        }
        if (!problems.isValid()) throw BadRequest.of(problems.errors());
        return requirements;
    }

    private static List<List<String>> csvRows(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder().setTrim(true).get())) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) rows.add(record.toList());
            return rows;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw BadRequest.of(List.of(FieldError.of("file", "not_csv", 1)));
        }
    }

    private static List<List<String>> xlsxRows(byte[] bytes) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) cells.add(row.getCellAsString(i).orElse("").strip());
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw BadRequest.of(List.of(FieldError.of("file", "not_xlsx")));
        }
    }

    /** Rows under a header; rows with the same reference make one requirement. */
    private static List<Draft> table(List<List<String>> rows) {
        int headerAt = 0;
        while (headerAt < rows.size() && rows.get(headerAt).stream().allMatch(String::isBlank)) headerAt++;
        if (headerAt == rows.size()) throw BadRequest.of(List.of(FieldError.of("file", "no_header")));
        Map<Column, Integer> columns = header(rows.get(headerAt));
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (int r = headerAt + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) continue;
            String reference = cell(row, columns, Column.REFERENCE);
            Draft draft = drafts.computeIfAbsent(reference.isEmpty() ? "(row " + (r + 1) + ")" : reference, k -> new Draft(reference));
            if (draft.title().isEmpty()) draft.title().append(cell(row, columns, Column.TITLE));
            if (draft.description().isEmpty()) draft.description().append(cell(row, columns, Column.DESCRIPTION));
            String criterionId = cell(row, columns, Column.CRITERION_ID);
            List<String> lines = cell(row, columns, Column.CRITERIA).lines().filter(l -> !l.isBlank()).toList();
            for (String line : lines) {
                String[] parsed = criterion(line);
                if (lines.size() == 1 && !criterionId.isEmpty()) parsed[0] = criterionId;
                draft.criteria().add(parsed);
            }
        }
        return List.copyOf(drafts.values());
    }

    private static Map<Column, Integer> header(List<String> header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String name = TestCaseCsvReader.normalise(header.get(i));
            for (Column column : Column.values()) if (column.names.contains(name) && !columns.containsKey(column)) columns.put(column, i);
        }
        Validation problems = new Validation();
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) problems.add("header", "missing_column", column.names.getFirst(), String.join(", ", column.names));
        }
        if (!problems.isValid()) throw BadRequest.of(problems.errors());
        return columns;
    }

    private static List<Draft> markdown(String text) {
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        for (String line : text.lines().toList()) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                Matcher reference = REFERENCE_FIRST.matcher(heading.group(2));
                if (reference.matches() && !reference.group(2).isBlank()) {
                    current = new Draft(reference.group(1));
                    current.title().append(reference.group(2).strip());
                    drafts.add(current);
                }
                continue; // other headings ("Acceptance criteria", "受け入れ基準") only structure the text
            }
            if (current == null || line.isBlank()) continue;
            if (LIST_ITEM.matcher(line).matches()) current.criteria().add(criterion(line));
            else current.description().append(current.description().isEmpty() ? "" : "\n").append(line.strip());
        }
        return drafts;
    }

    private static String[] criterion(String line) {
        Matcher m = CRITERION.matcher(line);
        return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {null, line.strip()};
    }

    private static String cell(List<String> row, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        return index == null || index >= row.size() || row.get(index) == null ? "" : row.get(index).strip();
    }
}
