package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.BadRequest;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.Step;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the files of the tools QA teams migrate from, with their steps: TestRail's CSV (a case's columns on its first
 * row, one row per step after it), Xray's CSV (rows grouped by Test ID, one per step) and Xray's JSON (the bulk test
 * import array). Like the plain CSV, only the shape is checked here; the domain judges the values row by row. A case
 * is numbered by the line (CSV) or position (JSON) it starts at.
 */
final class MigrationReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MigrationReader() {}

    static List<ImportRow> testRailCsv(byte[] bytes) {
        List<CSVRecord> records = records(bytes);
        Map<String, Integer> at = header(records.getFirst(), List.of("title"), "ID", "Title");
        List<Draft> cases = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            if (blank(r)) continue;
            String id = get(r, at, "id"), title = get(r, at, "title");
            boolean continues = id.isEmpty() && title.isEmpty() && !cases.isEmpty();
            if (!continues) {
                cases.add(new Draft(i + 1, id, title, get(r, at, "preconditions"), get(r, at, "expectedresult"), get(r, at, "references"),
                        "", toolPriority(get(r, at, "priority")), List.of()));
            }
            step(cases.getLast(), get(r, at, "stepsstep", "step", "stepscontent"), get(r, at, "stepsexpectedresult", "stepsexpected"),
                    get(r, at, "stepsadditionalinfo", "additionalinfo"));
        }
        return cases.stream().map(Draft::row).toList();
    }

    static List<ImportRow> xrayCsv(byte[] bytes) {
        List<CSVRecord> records = records(bytes);
        Map<String, Integer> at = header(records.getFirst(), List.of("summary"), "Test ID", "Summary");
        Map<String, Draft> byId = new LinkedHashMap<>();
        for (int i = 1; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            if (blank(r)) continue;
            String id = first(get(r, at, "testid", "tcid", "issuekey", "key"), "line-" + (i + 1));
            int line = i + 1;
            Draft draft = byId.computeIfAbsent(id, key -> new Draft(line, key, get(r, at, "summary", "testsummary"), first(get(r, at, "precondition"),
                    get(r, at, "preconditions")), "", "", get(r, at, "description"), toolPriority(get(r, at, "priority")),
                    Arrays.stream(get(r, at, "labels").split("[\\s,]+")).filter(l -> !l.isBlank()).toList()));
            step(draft, get(r, at, "action", "step"), get(r, at, "result", "expectedresult"), get(r, at, "data", "testdata"));
        }
        return byId.values().stream().map(Draft::row).toList();
    }

    static List<ImportRow> xrayJson(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(TestCaseCsvReader.decode(bytes));
        } catch (JacksonException e) {
            throw BadRequest.of(List.of(FieldError.of("file", "not_json")));
        }
        if (root == null || !root.isArray()) throw BadRequest.of(List.of(FieldError.of("file", "not_json")));
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode test = root.get(i);
            JsonNode fields = test.path("fields");
            String key = first(text(test, "externalId"), first(text(test, "update_key"), first(text(test, "key"), "XRAY-" + (i + 1))));
            List<String> labels = new ArrayList<>();
            fields.path("labels").forEach(l -> labels.add(l.asText()));
            Draft draft = new Draft(i + 1, key, text(fields, "summary"), text(test, "precondition"), "", "", text(fields, "description"),
                    toolPriority(fields.path("priority").path("name").asText("")), labels);
            for (JsonNode step : test.path("steps")) step(draft, text(step, "action"), text(step, "result"), text(step, "data"));
            rows.add(draft.row());
        }
        return rows;
    }

    /** A case being read: its own columns, then its steps as they come. */
    private record Draft(int line, String key, String title, String preconditions, String expectedResult, String reference,
                         String requirementText, String priority, List<String> tags, List<Step> steps) {
        Draft(int line, String key, String title, String preconditions, String expectedResult, String reference, String requirementText,
              String priority, List<String> tags) {
            this(line, key, title, preconditions, expectedResult, reference, requirementText, priority, tags, new ArrayList<>());
        }

        ImportRow row() {
            return new ImportRow(line, key, title, preconditions, expectedResult, reference, requirementText, priority, tags, steps);
        }
    }

    private static void step(Draft draft, String action, String expected, String data) {
        if (action.isBlank() && expected.isBlank() && data.isBlank()) return;
        draft.steps().add(new Step(action, expected, Optional.of(data)));
    }

    /** Jira's and TestRail's priority names ("Highest", "2 - High") as ours; anything else goes to the domain as given. */
    static String toolPriority(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty()) return "";
        if (n.contains("highest") || n.contains("critical") || n.contains("blocker")) return "critical";
        if (n.contains("high") || n.contains("major")) return "high";
        if (n.contains("lowest") || n.contains("low") || n.contains("minor") || n.contains("trivial")) return "low";
        if (n.contains("medium") || n.contains("normal")) return "medium";
        return name.strip();
    }

    private static List<CSVRecord> records(byte[] bytes) {
        String text = TestCaseCsvReader.decode(bytes);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder().setTrim(true).get())) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty() || blank(records.getFirst())) throw BadRequest.of(List.of(FieldError.of("file", "no_header")));
            return records;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw BadRequest.of(List.of(FieldError.of("file", "not_csv", 1)));
        }
    }

    /** Column positions by normalised name; the required ones must be there. */
    private static Map<String, Integer> header(CSVRecord header, List<String> required, String... shown) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) at.putIfAbsent(TestCaseCsvReader.normalise(header.get(i)), i);
        for (String name : required) {
            if (!at.containsKey(name)) throw BadRequest.of(List.of(FieldError.of("header", "missing_column", name, String.join(", ", shown))));
        }
        return at;
    }

    private static String get(CSVRecord r, Map<String, Integer> at, String... names) {
        for (String name : names) {
            Integer i = at.get(name);
            if (i != null && i < r.size() && !r.get(i).isBlank()) return r.get(i);
        }
        return "";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText().strip() : "";
    }

    private static String first(String value, String otherwise) { return value.isBlank() ? otherwise : value; }

    private static boolean blank(CSVRecord record) {
        for (String value : record) if (value != null && !value.isBlank()) return false;
        return true;
    }
}
