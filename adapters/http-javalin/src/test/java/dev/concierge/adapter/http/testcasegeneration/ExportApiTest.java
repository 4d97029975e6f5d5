package dev.concierge.adapter.http.testcasegeneration;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportApiTest extends TestCaseGenerationHttpTest {
    private long suite;

    @BeforeEach void aSuiteWithOneProcedureAndOneDraft() {
        suite = createSuite("ログイン");
        var generated = generatedCase(suite, "TC-001");
        http.put("/api/test-cases/" + generated.get("id").asLong() + "/procedure", "{\"version\":" + generated.get("version")
                + ",\"steps\":[{\"action\":\"ログイン画面を開く\",\"expectedResult\":\"フォームが表示される\"},"
                + "{\"action\":\"Enter a | b\",\"expectedResult\":\"Shown, \\\"quoted\\\"\",\"testData\":\"alice\"}]}");
        createCase(suite, "TC-002", "Sign out");
    }

    @Test void csv_has_a_bom_and_one_row_per_step() throws Exception {
        var answer = http.get("/api/suites/" + suite + "/export?format=csv");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/csv");
        assertThat(answer.header("Content-Disposition")).contains("attachment").contains(".csv");
        byte[] bytes = answer.bytes();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).toList()).startsWith("Key", "Title").contains("Step", "Action", "Expected result", "Test data");
        assertThat(rows.get(1).toList()).startsWith("TC-001", "Sign in", "Medium", "Generated", "", "1", "ログイン画面を開く", "フォームが表示される", "", "", "");
        assertThat(rows.get(2).toList()).startsWith("TC-001", "Sign in", "Medium", "Generated", "", "2", "Enter a | b", "Shown, \"quoted\"", "alice", "", "");
        assertThat(rows.get(3).toList()).startsWith("TC-002", "Sign out", "Medium", "Draft", "", "", "", "", "", "", "");
        assertThat(rows.get(0).toList()).contains("Preconditions", "Expected result of the case");
        // A procedure with no recorded provenance (a person's edit, or generated before it was recorded) leaves those columns empty.
        assertThat(rows.get(1).toList()).hasSize(19).endsWith("", "", "", "", "", "", "", "");
    }

    @Test void a_japanese_reader_gets_japanese_headers_priorities_and_states_in_every_format() throws Exception {
        var csv = getIn("ja", "/api/suites/" + suite + "/export?format=csv");
        var md = getIn("ja", "/api/suites/" + suite + "/export?format=md").text();
        var xlsx = getIn("ja", "/api/suites/" + suite + "/export?format=xlsx");

        byte[] bytes = csv.bytes();
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertThat(rows.get(0).toList()).containsExactly("キー", "タイトル", "優先度", "状態", "要件ID", "手順番号", "操作", "期待結果", "テストデータ",
                "前提条件", "テストケースの期待結果",
                "プロバイダー", "モデル", "プロンプト版", "スキーマ版", "試行回数", "入力トークン", "出力トークン", "所要時間（ミリ秒）");
        assertThat(rows.get(1).toList()).startsWith("TC-001", "Sign in", "中", "生成済み");
        assertThat(rows.get(3).toList()).startsWith("TC-002", "Sign out", "中", "下書き");
        assertThat(md).contains("- 優先度：中").contains("- 状態：生成済み").contains("| # | 操作 | 期待結果 | テストデータ |")
                .contains("手順はまだありません。").doesNotContain("Priority").doesNotContain("No procedure");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            List<Row> sheet = workbook.getFirstSheet().read();
            assertThat(sheet.get(0).getCellText(0)).isEqualTo("キー");
            assertThat(sheet.get(3).getCellText(3)).isEqualTo("下書き");
        }
    }

    @Test void csv_cells_that_excel_would_run_as_formulas_stay_text() throws Exception {
        createCase(suite, "TC-003", "=HYPERLINK(A1)");
        createCase(suite, "TC-004", "@SUM(A1)");

        byte[] bytes = http.get("/api/suites/" + suite + "/export?format=csv").bytes();
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();

        assertThat(rows.get(4).get(1)).isEqualTo("'=HYPERLINK(A1)");
        assertThat(rows.get(5).get(1)).isEqualTo("'@SUM(A1)");
        assertThat(SuiteExportWriter.notAFormula("-5")).isEqualTo("-5");
        assertThat(SuiteExportWriter.notAFormula("-cmd")).isEqualTo("'-cmd");
        assertThat(SuiteExportWriter.notAFormula("Sign in")).isEqualTo("Sign in");
    }

    @Test void markdown_has_a_section_and_a_step_table_per_case() {
        var answer = http.get("/api/suites/" + suite + "/export?format=md");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/markdown");
        String md = answer.text();
        assertThat(md).startsWith("# ログイン\n");
        assertThat(md).contains("## TC-001 — Sign in");
        assertThat(md).contains("| 1 | ログイン画面を開く | フォームが表示される |  |");
        assertThat(md).contains("| 2 | Enter a \\| b | Shown, \"quoted\" | alice |");
        assertThat(md).contains("## TC-002 — Sign out").contains("_No procedure yet._");
        assertThat(md).contains("> Users sign in with a password.");
    }

    @Test void xlsx_reads_back_with_a_header_and_one_row_per_step() throws Exception {
        var answer = http.get("/api/suites/" + suite + "/export?format=xlsx");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(answer.bytes()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Key");
            assertThat(rows.get(0).getCellText(6)).isEqualTo("Action");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("TC-001");
            assertThat(rows.get(1).getCellAsNumber(5).orElseThrow().intValue()).isEqualTo(1);
            assertThat(rows.get(1).getCellText(6)).isEqualTo("ログイン画面を開く");
            assertThat(rows.get(2).getCellText(7)).isEqualTo("Shown, \"quoted\"");
            assertThat(rows.get(2).getCellText(8)).isEqualTo("alice");
            assertThat(rows.get(3).getCellText(0)).isEqualTo("TC-002");
            assertThat(rows.get(3).getCellText(3)).isEqualTo("Draft");
        }
    }

    @Test void xlsx_writes_how_a_generated_procedure_was_made_as_text_and_its_figures_as_numbers() throws Exception {
        generatedCase(suite, "TC-005");

        var answer = http.get("/api/suites/" + suite + "/export?format=xlsx");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(answer.bytes()))) {
            Row generated = workbook.getFirstSheet().read().stream().filter(r -> "TC-005".equals(r.getCellText(0))).findFirst().orElseThrow();
            List<String> columns = SuiteExportWriter.COLUMN_KEYS;
            assertThat(generated.getCellText(columns.indexOf("provider"))).isEqualTo("ollama");
            assertThat(generated.getCellText(columns.indexOf("promptTemplate"))).isEqualTo("procedure-v2");
            assertThat(generated.getCellText(columns.indexOf("schemaVersion"))).isEqualTo("procedure-schema-v1");
            assertThat(generated.getCellAsNumber(columns.indexOf("attempts")).orElseThrow().intValue()).isEqualTo(2);
            assertThat(generated.getCellAsNumber(columns.indexOf("durationMs")).orElseThrow().intValue()).isEqualTo(4500);
        }
    }

    @Test void an_unknown_format_is_400_and_an_unknown_suite_404() {
        assertThat(http.get("/api/suites/" + suite + "/export?format=pdf").errorFields()).contains("format");
        assertThat(http.get("/api/suites/4040/export?format=csv").status()).isEqualTo(404);
        assertThat(http.get("/api/suites/" + suite + "/export").header("Content-Type")).startsWith("text/csv");
    }
}
