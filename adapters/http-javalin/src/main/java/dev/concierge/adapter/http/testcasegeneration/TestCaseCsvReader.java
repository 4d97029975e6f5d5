package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.BadRequest;
import dev.concierge.adapter.http.EdgeTexts;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.kernel.Validation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads test cases from a CSV file as QA teams have them: UTF-8 (with or without BOM) or Windows-31J (what Excel
 * saves in Japan), headers in English or Japanese, extra columns ignored. Only the file's shape is checked here;
 * the values are the domain's to judge, row by row.
 */
final class TestCaseCsvReader {
    static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    enum Column {
        KEY(true, "key", "id", "testcaseid", "testcasekey", "casekey", "キー", "テストケースid", "テストケース番号", "番号"),
        TITLE(true, "title", "name", "testcase", "タイトル", "件名", "テストケース名", "テスト項目"),
        PRECONDITIONS(false, "preconditions", "precondition", "前提条件", "事前条件"),
        EXPECTED_RESULT(false, "expectedresult", "expected", "期待結果", "期待値"),
        REQUIREMENT_REFERENCE(false, "requirementreference", "requirementid", "requirementref", "reqid", "要件id", "要件番号"),
        REQUIREMENT_TEXT(false, "requirementtext", "requirement", "要件", "要件内容", "要求"),
        PRIORITY(false, "priority", "優先度", "優先順位"),
        TAGS(false, "tags", "tag", "labels", "タグ", "ラベル");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = Arrays.asList(names);
        }

        String displayName() { return names.getFirst(); }
    }

    private TestCaseCsvReader() {}

    /** The rows of the file, numbered as a spreadsheet shows them (the header is row 1). */
    static List<ImportRow> read(byte[] bytes) { return read(bytes, null); }

    /** {@code acceptLanguage}: the request's header, for the language of the messages about the file's shape. */
    static List<ImportRow> read(byte[] bytes, String acceptLanguage) {
        String text = decode(bytes);
        refuseNul(text, acceptLanguage);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
        CSVParser parser = null;
        try {
            parser = CSVParser.parse(new StringReader(text), format);
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) records.add(record);
            if (records.isEmpty() || isBlank(records.getFirst())) {
                throw BadRequest.of(List.of(FieldError.of("file", "no_header")));
            }
            Map<Column, Integer> columns = header(records.getFirst());
            refuseValuesPastTheHeader(records);
            List<ImportRow> rows = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                CSVRecord record = records.get(i);
                if (isBlank(record)) continue;
                rows.add(new ImportRow(i + 1, value(record, columns, Column.KEY), value(record, columns, Column.TITLE),
                        value(record, columns, Column.PRECONDITIONS), value(record, columns, Column.EXPECTED_RESULT),
                        value(record, columns, Column.REQUIREMENT_REFERENCE), value(record, columns, Column.REQUIREMENT_TEXT),
                        value(record, columns, Column.PRIORITY), tags(value(record, columns, Column.TAGS))));
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // e.g. a quote opened and never closed; the parser's own text names its classes, so only the line is told
            long line = parser == null ? 1 : Math.max(1, parser.getCurrentLineNumber());
            throw BadRequest.worded(EdgeTexts.text(acceptLanguage, "edge.csv.malformed", line),
                    List.of(FieldError.of("file", "not_csv", line)));
        }
    }

    /**
     * A row with more values than the header has columns (typically a comma inside a value that is not quoted) would
     * lose what lies past the last column: the file is refused, naming each such row, and nothing is imported.
     * Empty cells past the end, which some spreadsheets write, are no loss.
     */
    private static void refuseValuesPastTheHeader(List<CSVRecord> records) {
        int columns = records.getFirst().size();
        Validation problems = new Validation();
        for (int i = 1; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            boolean lost = false;
            for (int c = columns; c < record.size(); c++) lost |= !record.get(c).isBlank();
            if (lost) problems.add("line " + (i + 1) + ": values", "values_past_header", record.size(), columns);
        }
        if (!problems.isValid()) throw BadRequest.of(problems.errors());
    }

    /** PostgreSQL cannot store NUL in text, and no spreadsheet writes one: refused, saying where it is. */
    private static void refuseNul(String text, String acceptLanguage) {
        int at = text.indexOf('\u0000');
        if (at < 0) return;
        int lineStart = text.lastIndexOf('\n', at) + 1;
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = text.codePointCount(lineStart, at) + 1;
        throw BadRequest.worded(EdgeTexts.text(acceptLanguage, "edge.csv.nul", line, column),
                List.of(FieldError.of("file", "nul_at", line, column)));
    }

    /** Strict UTF-8 first (a Windows-31J file is almost never valid UTF-8), else Windows-31J. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_31J);
        }
    }

    private static Map<Column, Integer> header(CSVRecord header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        Validation problems = new Validation();
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i));
            for (Column column : Column.values()) {
                if (!column.names.contains(name)) continue;
                if (columns.containsKey(column)) {
                    problems.add("header", "duplicate_column", column.displayName(), (columns.get(column) + 1) + ", " + (i + 1));
                } else {
                    columns.put(column, i);
                }
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) {
                problems.add("header", "missing_column", column.displayName(), String.join(", ", column.names));
            }
        }
        if (!problems.isValid()) throw BadRequest.of(problems.errors()); // nothing is imported
        return columns;
    }

    /** "Expected Result", "expected_result", "expectedResult", "期待結果 " and full-width letters all match. */
    static String normalise(String name) {
        String n = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replace("\uFEFF", "").replaceAll("[\\s_\\-.・:：()（）*]", "");
    }

    private static String value(CSVRecord record, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index);
    }

    private static List<String> tags(String value) {
        return Arrays.stream(value.split("[,、;；\\n]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) if (value != null && !value.isBlank()) return false;
        return true;
    }

}
