package dev.concierge.adapter.http.testcasegeneration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteAndTestCaseApiTest extends TestCaseGenerationHttpTest {

    @Test void a_created_suite_answers_201_and_belongs_to_the_callers_team() {
        var answer = http.post("/api/suites", "{\"name\":\"Login\",\"description\":\"Sign-in flows\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("team").asText()).isEqualTo("qa");
        assertThat(answer.json().get("createdBy").asText()).isEqualTo("alice");
        assertThat(answer.json().get("createdAt").asText()).endsWith("+09:00");
        long id = answer.json().get("id").asLong();
        assertThat(http.get("/api/suites/" + id).json().get("name").asText()).isEqualTo("Login");
    }

    @Test void suites_are_listed_with_items_and_total_and_paged() {
        createSuite("One");
        createSuite("Two");
        createSuite("Three");

        var page = http.get("/api/suites?limit=2&offset=1").json();

        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("Two");
    }

    @Test void bad_suite_input_is_a_400_with_the_standard_error_body() {
        assertThat(http.post("/api/suites", "{\"name\":").errorCode()).isEqualTo("invalid_json");
        var blank = http.post("/api/suites", "{\"name\":\"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.errorFields()).contains("name");
        var unknown = http.post("/api/suites", "{\"name\":\"x\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).contains("colour");
        var wrongType = http.post("/api/suites", "{\"name\":5}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorFields()).contains("name");
        assertThat(http.post("/api/suites", "").status()).isEqualTo(400);
        assertThat(http.get("/api/suites?limit=500").errorFields()).contains("limit");
        assertThat(http.get("/api/suites?offset=x").errorFields()).contains("offset");
        assertThat(http.get("/api/suites").json().get("total").asInt()).isZero();
    }

    @Test void a_suite_of_a_team_the_caller_is_not_in_is_refused() {
        var answer = http.post("/api/suites", "{\"name\":\"x\",\"team\":\"finance\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo("not_a_member");
    }

    @Test void unknown_and_malformed_suite_ids_are_404_and_400() {
        var unknown = http.get("/api/suites/999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
        var malformed = http.get("/api/suites/abc");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).contains("suiteId");
        assertThat(http.get("/api/suites/0").status()).isEqualTo(400);
    }

    @Test void a_test_case_is_created_as_a_draft_with_its_whole_content() {
        long suite = createSuite("Login");

        var answer = http.post("/api/suites/" + suite + "/test-cases", """
                {"key":"TC-001","title":"ログインできる","preconditions":"ユーザー登録済み","expectedResult":"ダッシュボードが表示される",
                 "requirementReference":"REQ-7","requirementText":"利用者はパスワードでログインできる","priority":"high","tags":["login","smoke"]}""");

        assertThat(answer.status()).isEqualTo(201);
        var c = answer.json();
        assertThat(c.get("status").asText()).isEqualTo("draft");
        assertThat(c.get("key").asText()).isEqualTo("TC-001");
        assertThat(c.get("priority").asText()).isEqualTo("high");
        assertThat(c.get("language").asText()).isEqualTo("ja");
        assertThat(c.get("tags")).hasSize(2);
        assertThat(c.get("procedure").isNull()).isTrue();
        assertThat(c.get("version").asLong()).isEqualTo(1);
        assertThat(c.get("updatedAt").asText()).endsWith("+09:00");
        assertThat(http.get("/api/test-cases/" + c.get("id").asLong()).json().get("title").asText()).isEqualTo("ログインできる");
    }

    @Test void bad_test_case_input_names_every_wrong_field() {
        long suite = createSuite("Login");

        var answer = http.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"bad key!\",\"title\":\"\",\"priority\":\"urgent\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).contains("key", "title", "priority");
        assertThat(http.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"K\",\"title\":\"t\",\"tags\":\"x\"}").errorFields()).contains("tags");
        assertThat(http.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"K\",\"title\":\"t\",\"version\":1}").status()).isEqualTo(400);
        assertThat(http.post("/api/suites/999/test-cases", "{\"key\":\"K\",\"title\":\"t\"}").status()).isEqualTo(404);
        assertThat(http.get("/api/suites/" + suite + "/test-cases").json().get("total").asInt()).isZero();
    }

    @Test void a_second_case_with_the_same_key_is_a_conflict() {
        long suite = createSuite("Login");
        createCase(suite, "TC-001", "One");

        var answer = http.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-001\",\"title\":\"Two\"}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo("duplicate_key");
    }

    @Test void test_cases_are_filtered_by_state_and_searched_by_words() {
        long suite = createSuite("Login");
        createCase(suite, "TC-001", "Sign in");
        createCase(suite, "TC-002", "Sign out");
        createCase(suite, "TC-003", "Reset password");
        generatedCase(suite, "TC-004");

        assertThat(http.get("/api/suites/" + suite + "/test-cases").json().get("total").asInt()).isEqualTo(4);
        var drafts = http.get("/api/suites/" + suite + "/test-cases?status=draft").json();
        assertThat(drafts.get("total").asInt()).isEqualTo(3);
        var generated = http.get("/api/suites/" + suite + "/test-cases?status=generated,approved").json();
        assertThat(generated.get("items").get(0).get("key").asText()).isEqualTo("TC-004");
        var search = http.get("/api/suites/" + suite + "/test-cases?q=RESET&status=draft").json();
        assertThat(search.get("total").asInt()).isEqualTo(1);
        assertThat(search.get("items").get(0).get("key").asText()).isEqualTo("TC-003");
        var paged = http.get("/api/suites/" + suite + "/test-cases?limit=1&offset=1").json();
        assertThat(paged.get("items").get(0).get("key").asText()).isEqualTo("TC-002");
    }

    @Test void bad_list_parameters_are_400() {
        long suite = createSuite("Login");

        assertThat(http.get("/api/suites/" + suite + "/test-cases?status=done").errorFields()).contains("status");
        assertThat(http.get("/api/suites/" + suite + "/test-cases?limit=0").errorFields()).contains("limit");
        assertThat(http.get("/api/suites/" + suite + "/test-cases?q=" + "x".repeat(201)).errorFields()).contains("q");
        assertThat(http.get("/api/suites/42/test-cases").status()).isEqualTo(404);
    }

    @Test void a_test_case_is_updated_with_the_version_it_was_read_at() {
        long suite = createSuite("Login");
        long id = createCase(suite, "TC-001", "Sign in").get("id").asLong();

        var answer = http.put("/api/test-cases/" + id, "{\"title\":\"Sign in with a password\",\"priority\":\"low\",\"version\":1}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("title").asText()).isEqualTo("Sign in with a password");
        assertThat(answer.json().get("key").asText()).isEqualTo("TC-001");
        assertThat(answer.json().get("version").asLong()).isEqualTo(2);
        var stale = http.put("/api/test-cases/" + id, "{\"title\":\"Other\",\"version\":1}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorCode()).isEqualTo("stale");
        assertThat(http.get("/api/test-cases/" + id).json().get("title").asText()).isEqualTo("Sign in with a password");
    }

    @Test void bad_updates_are_refused_and_change_nothing() {
        long suite = createSuite("Login");
        long id = createCase(suite, "TC-001", "Sign in").get("id").asLong();

        assertThat(http.put("/api/test-cases/" + id, "{\"title\":\"x\"}").errorFields()).contains("version");
        assertThat(http.put("/api/test-cases/" + id, "{\"title\":\"x\",\"version\":\"one\"}").errorFields()).contains("version");
        assertThat(http.put("/api/test-cases/" + id, "{\"key\":\"TC-999\",\"title\":\"x\",\"version\":1}").status()).isEqualTo(422);
        assertThat(http.put("/api/test-cases/777", "{\"title\":\"x\",\"version\":1}").status()).isEqualTo(404);
        assertThat(http.put("/api/test-cases/x", "{\"title\":\"x\",\"version\":1}").errorFields()).contains("testCaseId");
        assertThat(http.get("/api/test-cases/" + id).json().get("title").asText()).isEqualTo("Sign in");
    }

    @Test void revisions_list_newest_first_and_unknown_cases_are_404() {
        long suite = createSuite("Login");
        var c = generatedCase(suite, "TC-001");
        long id = c.get("id").asLong();
        http.put("/api/test-cases/" + id + "/procedure", "{\"version\":" + c.get("version").asLong()
                + ",\"steps\":[{\"action\":\"Open the page\",\"expectedResult\":\"It opens\"}]}");

        var revisions = http.get("/api/test-cases/" + id + "/revisions").json();

        assertThat(revisions.get("total").asInt()).isEqualTo(2);
        assertThat(revisions.get("items").get(0).get("number").asInt()).isEqualTo(2);
        assertThat(revisions.get("items").get(0).get("kind").asText()).isEqualTo("edited");
        assertThat(revisions.get("items").get(0).get("author").asText()).isEqualTo("alice");
        assertThat(revisions.get("items").get(1).get("author").isNull()).isTrue();
        assertThat(http.get("/api/test-cases/555/revisions").status()).isEqualTo(404);
    }
}
