package dev.concierge.adapter.http.testcasegeneration;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing from TestRail and Xray with their steps, the validate-only preview and the create/update modes over HTTP. */
class MigrationImportApiTest extends TestCaseGenerationHttpTest {

    @Test void a_testrail_csv_brings_each_case_with_its_steps_from_the_rows_after_it() {
        long suite = createSuite("TestRail");
        String csv = """
                ID,Title,Section,Template,Priority,References,Preconditions,Steps (Step),Steps (Expected Result),Steps (Additional Info)
                C101,Sign in,Login,Test Case (Steps),High,REQ-7,alice has an account,Open the sign-in page,The form is shown,
                ,,,,,,,Click Sign in,The dashboard opens,alice / s3cret
                C102,Sign out,Login,Test Case (Steps),Low,,,Click Sign out,The sign-in page is shown,
                """;
        var answer = importFile(suite, "testrail-csv", "", csv);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.json().get("created").asInt()).isEqualTo(2);
        assertThat(answer.json().at("/rows/0/steps").asInt()).isEqualTo(2);
        var first = http.get("/api/suites/" + suite + "/test-cases?q=C101").json().at("/items/0");
        assertThat(first.get("priority").asText()).isEqualTo("high");
        assertThat(first.get("status").asText()).isEqualTo("generated");
        assertThat(first.at("/procedure/steps/1/testData").asText()).isEqualTo("alice / s3cret");
        assertThat(first.get("preconditions").asText()).isEqualTo("alice has an account");
    }

    @Test void xray_csv_and_json_group_the_steps_of_each_test() {
        long suite = createSuite("Xray");
        String csv = """
                Test ID,Summary,Description,Priority,Labels,Precondition,Action,Data,Result
                T-1,ログインする,要件 REQ-1,Highest,smoke login,アカウントがある,ログイン画面を開く,,フォームが表示される
                T-1,ログインする,要件 REQ-1,Highest,smoke login,アカウントがある,ログインボタンを押す,alice,ダッシュボードが表示される
                """;
        assertThat(importFile(suite, "xray-csv", "", csv).json().at("/rows/0/steps").asInt()).isEqualTo(2);
        var imported = http.get("/api/suites/" + suite + "/test-cases?q=T-1").json().at("/items/0");
        assertThat(imported.get("priority").asText()).isEqualTo("critical");
        assertThat(imported.get("tags").toString()).contains("smoke", "login");

        String json = """
                [{"testtype":"Manual","externalId":"X-9","fields":{"summary":"Sign out","priority":{"name":"Low"},"labels":["regression"]},
                  "steps":[{"action":"Click Sign out","data":"","result":"The sign-in page is shown"}]},
                 {"testtype":"Manual","fields":{"summary":"No key given"},"steps":[]}]""";
        var answer = importFile(suite, "xray-json", "", json);
        assertThat(answer.json().at("/rows/0/key").asText()).isEqualTo("X-9");
        assertThat(answer.json().at("/rows/1/key").asText()).isEqualTo("XRAY-2");
    }

    @Test void a_preview_answers_each_rows_outcome_and_its_problems_in_words_and_changes_nothing() {
        long suite = createSuite("Preview");
        createCase(suite, "TC-1", "Old title");
        String csv = "key,title\nTC-1,New title\nTC-2,Sign out\n,No key\n";
        var preview = importFile(suite, "csv", "&preview=true", csv);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("preview").asBoolean()).isTrue();
        assertThat(preview.json().get("rows").findValuesAsText("action")).containsExactly("updated", "created", "invalid");
        assertThat(preview.json().at("/problems/0/field").asText()).startsWith("line 4");
        assertThat(preview.json().at("/problems/0/message").asText()).isNotBlank();
        assertThat(http.get("/api/suites/" + suite + "/test-cases").json().get("total").asInt()).isEqualTo(1);
    }

    @Test void create_mode_leaves_known_keys_and_update_mode_leaves_new_ones() {
        long suite = createSuite("Modes");
        createCase(suite, "TC-1", "Old title");
        String csv = "key,title\nTC-1,New title\nTC-2,Sign out\n";
        assertThat(importFile(suite, "csv", "&mode=create", csv).json().get("rows").findValuesAsText("action")).containsExactly("skipped", "created");
        assertThat(importFile(suite, "csv", "&mode=update", "key,title\nTC-1,New title\nTC-3,Other\n").json().get("rows")
                .findValuesAsText("action")).containsExactly("updated", "skipped");
        assertThat(importFile(suite, "csv", "&mode=sideways", csv).errorFields()).contains("mode");
        assertThat(importFile(suite, "pdf", "", csv).errorFields()).contains("format");
    }

    private dev.concierge.adapter.http.TestHttpServer.Answer importFile(long suite, String format, String more, String body) {
        return http.post("/api/suites/" + suite + "/imports?format=" + format + more, "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }
}
