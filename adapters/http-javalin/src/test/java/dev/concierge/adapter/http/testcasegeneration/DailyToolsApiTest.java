package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.GenerationFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a QA team uses every day, over the API the pages call: rename, delete, sort, bulk approve, in either language. */
class DailyToolsApiTest extends TestCaseGenerationHttpTest {

    @Test void a_suite_is_renamed_and_deleted_with_its_cases() {
        long suite = createSuite("Login");
        long id = createCase(suite, "TC-001", "Sign in").get("id").asLong();

        var renamed = http.put("/api/suites/" + suite, "{\"name\":\"ログイン\",\"description\":\"認証まわり\"}");
        var deleted = sendIn("ja", "DELETE", "/api/suites/" + suite, null);

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("ログイン");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.get("/api/suites/" + suite).status()).isEqualTo(404);
        assertThat(http.get("/api/test-cases/" + id).status()).isEqualTo(404);
    }

    @Test void a_test_case_is_deleted() {
        long suite = createSuite("Login");
        long id = createCase(suite, "TC-001", "Sign in").get("id").asLong();

        assertThat(sendIn("en", "DELETE", "/api/test-cases/" + id, null).status()).isEqualTo(204);

        assertThat(http.get("/api/test-cases/" + id).status()).isEqualTo(404);
        assertThat(sendIn("en", "DELETE", "/api/test-cases/" + id, null).status()).isEqualTo(404);
    }

    @Test void cases_list_by_the_column_asked_for() {
        long suite = createSuite("Login");
        createCase(suite, "TC-001", "Zeta");
        createCase(suite, "TC-002", "Alpha");

        var byTitle = http.get("/api/suites/" + suite + "/test-cases?sort=title").json();
        var byKeyDescending = http.get("/api/suites/" + suite + "/test-cases?sort=-key").json();

        assertThat(byTitle.get("items").get(0).get("title").asText()).isEqualTo("Alpha");
        assertThat(byKeyDescending.get("items").get(0).get("key").asText()).isEqualTo("TC-002");
        assertThat(http.get("/api/suites/" + suite + "/test-cases?sort=colour").errorFields()).contains("sort");
        http.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-003\",\"title\":\"Urgent\",\"priority\":\"critical\"}");
        var critical = http.get("/api/suites/" + suite + "/test-cases?priority=critical,high").json();
        assertThat(critical.get("total").asInt()).isEqualTo(1);
        assertThat(critical.get("items").get(0).get("key").asText()).isEqualTo("TC-003");
        assertThat(http.get("/test-cases/suites/" + suite + "?priority=critical&lang=en").text()).contains("Urgent").doesNotContain("Zeta");
    }

    @Test void bulk_approval_approves_the_generated_cases_and_names_the_others() {
        long suite = createSuite("Login");
        var generated = generatedCase(suite, "TC-001");
        var draft = createCase(suite, "TC-002", "Sign out");

        var answer = sendIn("ja", "POST", "/api/suites/" + suite + "/approve", "{\"testCases\":["
                + "{\"id\":" + generated.get("id") + ",\"version\":" + generated.get("version") + "},"
                + "{\"id\":" + draft.get("id") + ",\"version\":" + draft.get("version") + "}]}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("approved").get(0).get("status").asText()).isEqualTo("approved");
        assertThat(answer.json().get("approved").get(0).get("statusName").asText()).isEqualTo("承認済み");
        assertThat(answer.json().get("skipped").get(0).get("key").asText()).isEqualTo("TC-002");
        assertThat(sendIn("ja", "POST", "/api/suites/" + suite + "/approve", "{}").status()).isEqualTo(400);
    }

    @Test void a_refusal_keeps_its_code_and_speaks_the_readers_language() {
        long suite = createSuite("Login");
        long id = createCase(suite, "TC-001", "Sign in").get("id").asLong();

        var japanese = sendIn("ja", "POST", "/api/test-cases/" + id + "/approve", "{\"version\":1}");
        var english = sendIn("en", "POST", "/api/test-cases/" + id + "/approve", "{\"version\":1}");

        assertThat(japanese.status()).isEqualTo(422);
        assertThat(japanese.errorCode()).isEqualTo("not_generated");
        assertThat(japanese.json().get("error").get("message").asText()).contains("生成済みの手順だけ");
        assertThat(english.errorCode()).isEqualTo("not_generated");
        assertThat(english.json().get("error").get("message").asText()).startsWith("Only a generated procedure");
        assertThat(getIn("ja", "/api/test-cases/999999").json().get("error").get("message").asText()).startsWith("テストケースが見つかりません");
    }

    @Test void a_failed_case_carries_a_code_and_its_words_but_no_operator_advice() {
        long suite = createSuite("Login");
        long id = createCase(suite, "TC-001", "Sign in").get("id").asLong();
        http.post("/api/test-cases/" + id + "/generate", null);
        useCases.failNext(GenerationFailure.INVALID_OUTPUT);

        var japanese = getIn("ja", "/api/test-cases/" + id).json();

        assertThat(japanese.get("failure").asText()).isEqualTo("invalid_output");
        assertThat(japanese.get("failureReason").asText()).contains("規則に合わない手順").doesNotContain("OLLAMA");
        assertThat(japanese.get("statusName").asText()).isEqualTo("失敗");
    }

    @Test void revision_summaries_are_in_the_readers_language() {
        long suite = createSuite("Login");
        var c = generatedCase(suite, "TC-001");
        long id = c.get("id").asLong();
        var edited = http.put("/api/test-cases/" + id + "/procedure", "{\"version\":" + c.get("version") + ",\"steps\":["
                + "{\"action\":\"Open\",\"expectedResult\":\"Shown\"},{\"action\":\"Sign in\",\"expectedResult\":\"Done\"},"
                + "{\"action\":\"Sign out\",\"expectedResult\":\"Gone\"}]}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        var revisions = getIn("ja", "/api/test-cases/" + id + "/revisions").json().get("items");

        assertThat(revisions.get(0).get("summary").asText()).contains("手順").doesNotContain("step");
        assertThat(revisions.get(1).get("summary").asText()).startsWith("最初の手順");
    }

    @Test void a_rejected_procedure_is_corrected_by_hand_and_can_be_approved() {
        long suite = createSuite("Login");
        var c = generatedCase(suite, "TC-001");
        long id = c.get("id").asLong();
        var rejected = http.post("/api/test-cases/" + id + "/reject", "{\"version\":" + c.get("version") + ",\"reason\":\"\"}").json();

        var edited = http.put("/api/test-cases/" + id + "/procedure", "{\"version\":" + rejected.get("version")
                + ",\"steps\":[{\"action\":\"Open the page\",\"expectedResult\":\"Shown\"}]}");
        var page = http.get("/test-cases/cases/" + id + "?lang=ja").text();

        assertThat(rejected.get("status").asText()).isEqualTo("draft");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("status").asText()).isEqualTo("generated");
        assertThat(page).contains("id=\"procedure\"").contains("理由なしで差し戻されました").doesNotContain("Rejected by the reviewer");
    }

    @Test void an_import_names_the_line_and_the_field_in_the_readers_language() {
        long suite = createSuite("Login");
        byte[] csv = "key,title\nTC-1,\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var answer = http.send(http.request("/api/suites/" + suite + "/imports").header("Accept-Language", "ja")
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(csv)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").get("details").get(0).get("field").asText()).isEqualTo("line 2: title");
        assertThat(answer.json().get("error").get("message").asText()).contains("2 行目のタイトル").doesNotContain("line");
    }
}
