package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundExportApiTest extends TestCaseGenerationHttpTest {
    private long suite;

    @BeforeEach void aSuiteWithTwoCases() {
        suite = createSuite("ログイン");
        generatedCase(suite, "TC-001");
        createCase(suite, "TC-002", "Sign out");
    }

    @Test void an_export_is_created_queued_and_downloadable_once_ready() throws Exception {
        var created = http.post("/api/suites/" + suite + "/exports", "{\"format\":\"xlsx\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode export = created.json();
        String id = export.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/exports/" + id);
        assertThat(export.get("state").asText()).isEqualTo("queued");
        assertThat(export.get("format").asText()).isEqualTo("xlsx");
        assertThat(export.get("downloadUrl").isNull()).isTrue();
        assertThat(http.get("/api/exports/" + id + "/download").status()).isEqualTo(409);

        useCases.runExports();

        JsonNode ready = http.get("/api/exports/" + id).json();
        assertThat(ready.get("state").asText()).isEqualTo("ready");
        assertThat(ready.get("caseCount").asLong()).isEqualTo(2);
        assertThat(ready.get("downloadUrl").asText()).isEqualTo("/api/exports/" + id + "/download");
        var download = http.get(ready.get("downloadUrl").asText());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.header("Content-Disposition")).contains("attachment").contains("suite-" + suite + ".xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download.bytes()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4); // header, two steps of TC-001, TC-002 without steps
            assertThat(rows.get(3).getCellText(0)).isEqualTo("TC-002");
        }
    }

    @Test void no_body_means_csv_and_the_format_may_be_a_query_parameter() throws Exception {
        assertThat(http.post("/api/suites/" + suite + "/exports", null).json().get("format").asText()).isEqualTo("csv");
        JsonNode md = http.post("/api/suites/" + suite + "/exports?format=md", null).json();
        assertThat(md.get("format").asText()).isEqualTo("md");

        useCases.runExports();

        String text = http.get("/api/exports/" + md.get("id").asText() + "/download").text();
        assertThat(text).startsWith("# ログイン\n").contains("## TC-002 — Sign out");
    }

    @Test void a_background_export_is_worded_in_the_language_of_whoever_asked_whoever_downloads_it() throws Exception {
        String japanese = sendIn("ja", "POST", "/api/suites/" + suite + "/exports?format=md", null).json().get("id").asText();
        String english = sendIn("en", "POST", "/api/suites/" + suite + "/exports?format=md", null).json().get("id").asText();

        useCases.runExports();

        assertThat(getIn("en", "/api/exports/" + japanese + "/download").text()).contains("- 優先度：中", "- 状態：下書き").doesNotContain("Priority");
        assertThat(getIn("ja", "/api/exports/" + english + "/download").text()).contains("Priority", "Draft").doesNotContain("優先度");
    }

    @Test void an_unknown_format_or_export_is_refused_with_the_error_body() {
        var badFormat = http.post("/api/suites/" + suite + "/exports", "{\"format\":\"pdf\"}");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.errorFields()).contains("format");

        assertThat(http.get("/api/exports/not-a-uuid").status()).isEqualTo(400);
        var unknown = http.get("/api/exports/00000000-0000-0000-0000-000000000001");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
        assertThat(http.post("/api/suites/999/exports", null).status()).isEqualTo(404);
    }

    @Test void the_original_of_an_import_is_handed_to_the_use_case_as_uploaded() {
        byte[] csv = "key,title\nTC-010,Reset password\n".getBytes(StandardCharsets.UTF_8);

        assertThat(http.post("/api/suites/" + suite + "/imports", "text/csv", csv).status()).isEqualTo(201);

        assertThat(useCases.originals).singleElement().satisfies(original -> {
            assertThat(original.bytes()).isEqualTo(csv);
            assertThat(original.contentType()).isEqualTo("text/csv");
        });
    }
}
