package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The formats QA teams migrate with (TestRail CSV, Xray CSV and JSON, Gherkin) and the approved-only filter. */
class MigrationExportApiTest extends TestCaseGenerationHttpTest {
    private long suite;

    @BeforeEach void anApprovedCaseWithTwoStepsAndADraft() {
        suite = createSuite("ログイン");
        var generated = generatedCase(suite, "TC-001");
        http.put("/api/test-cases/" + generated.get("id").asLong(), "{\"version\":" + generated.get("version")
                + ",\"title\":\"Sign in\",\"preconditions\":\"alice has an account\",\"expectedResult\":\"The dashboard opens\","
                + "\"requirementReference\":\"REQ-7\",\"priority\":\"high\",\"tags\":[\"smoke test\"]}");
        var edited = http.get("/api/test-cases/" + generated.get("id").asLong()).json();
        var withSteps = http.put("/api/test-cases/" + edited.get("id").asLong() + "/procedure", "{\"version\":" + edited.get("version")
                + ",\"steps\":[{\"action\":\"Open the sign-in page\",\"expectedResult\":\"The form is shown\"},"
                + "{\"action\":\"Sign in\",\"expectedResult\":\"The dashboard opens\",\"testData\":\"alice / s3cret\"}]}").json();
        http.post("/api/test-cases/" + withSteps.get("id").asLong() + "/approve", "{\"version\":" + withSteps.get("version") + "}");
        createCase(suite, "TC-002", "Sign out");
    }

    @Test void testrail_csv_has_one_row_per_step_with_the_case_on_its_first_row() throws Exception {
        var answer = http.get("/api/suites/" + suite + "/export?format=testrail-csv");
        assertThat(answer.header("Content-Disposition")).contains("-testrail.csv");
        List<CSVRecord> rows = csv(answer.bytes());
        assertThat(rows.get(0).toList()).isEqualTo(MigrationDocuments.TESTRAIL_COLUMNS);
        assertThat(rows.get(1).toList()).containsExactly("TC-001", "Sign in", "ログイン", "Test Case (Steps)", "High", "REQ-7",
                "alice has an account", "Open the sign-in page", "The form is shown", "");
        assertThat(rows.get(2).toList()).containsExactly("", "", "", "", "", "", "", "Sign in", "The dashboard opens", "alice / s3cret");
        assertThat(rows.get(3).get(0)).isEqualTo("TC-002");
    }

    @Test void xray_csv_repeats_the_test_id_on_every_step_row() throws Exception {
        List<CSVRecord> rows = csv(http.get("/api/suites/" + suite + "/export?format=xray-csv").bytes());
        assertThat(rows.get(0).toList()).isEqualTo(MigrationDocuments.XRAY_COLUMNS);
        assertThat(rows.get(1).toList()).containsExactly("TC-001", "Sign in", "REQ-7\n\nThe dashboard opens", "High", "smoke_test",
                "alice has an account", "Open the sign-in page", "", "The form is shown");
        assertThat(rows.get(2).get(0)).isEqualTo("TC-001");
        assertThat(rows.get(2).get(7)).isEqualTo("alice / s3cret");
    }

    @Test void xray_json_is_the_bulk_import_array_with_steps() throws Exception {
        var answer = http.get("/api/suites/" + suite + "/export?format=xray-json");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode tests = new ObjectMapper().readTree(answer.bytes());
        assertThat(tests.size()).isEqualTo(2);
        assertThat(tests.at("/0/testtype").asText()).isEqualTo("Manual");
        assertThat(tests.at("/0/externalId").asText()).isEqualTo("TC-001");
        assertThat(tests.at("/0/fields/summary").asText()).isEqualTo("Sign in");
        assertThat(tests.at("/0/fields/priority/name").asText()).isEqualTo("High");
        assertThat(tests.at("/0/steps/1/data").asText()).isEqualTo("alice / s3cret");
        assertThat(tests.at("/0/steps/1/result").asText()).isEqualTo("The dashboard opens");
        assertThat(tests.at("/1/steps").size()).isZero();
    }

    @Test void gherkin_writes_a_scenario_per_case_in_the_readers_dialect() {
        String en = http.get("/api/suites/" + suite + "/export?format=feature").text();
        assertThat(en).startsWith("# language: en\nFeature: ログイン\n").contains("@tc-001 @high @smoke_test", "Scenario: TC-001 Sign in",
                "Given alice has an account", "When Open the sign-in page", "Then The form is shown", "\"\"\"\n      alice / s3cret\n      \"\"\"");
        String ja = getIn("ja", "/api/suites/" + suite + "/export?format=feature").text();
        assertThat(ja).startsWith("# language: ja\n機能: ログイン").contains("シナリオ: TC-001 Sign in", "前提 alice has an account",
                "もし Open the sign-in page", "ならば The form is shown");
    }

    @Test void approved_only_leaves_the_other_cases_out_in_every_format() throws Exception {
        var answer = http.get("/api/suites/" + suite + "/export?format=csv&approvedOnly=true");
        assertThat(answer.header("Content-Disposition")).contains("-approved.csv");
        List<CSVRecord> rows = csv(answer.bytes());
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().skip(1).map(r -> r.get(0))).containsOnly("TC-001");
        assertThat(rows.get(1).toList().subList(9, 11)).as("the case's preconditions and expected result, after the step columns").containsExactly("alice has an account", "The dashboard opens");
        assertThat(http.get("/api/suites/" + suite + "/export?format=md&approvedOnly=true").text()).contains("TC-001").doesNotContain("TC-002");
        assertThat(http.get("/api/suites/" + suite + "/export?format=csv&approvedOnly=maybe").errorFields()).contains("approvedOnly");

        var started = http.post("/api/suites/" + suite + "/exports", "{\"format\":\"xray-json\",\"approvedOnly\":true}");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json().get("approvedOnly").asBoolean()).isTrue();
        assertThat(started.json().get("format").asText()).isEqualTo("xray-json");
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        return CSVFormat.DEFAULT.parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
    }
}
