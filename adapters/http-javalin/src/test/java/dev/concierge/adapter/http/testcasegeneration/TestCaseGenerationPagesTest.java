package dev.concierge.adapter.http.testcasegeneration;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TestCaseGenerationPagesTest extends TestCaseGenerationHttpTest {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

    @Test void the_home_page_links_the_test_case_pages() {
        var home = http.get("/?lang=en");

        assertThat(home.text()).contains("href=\"/test-cases\"").contains("Test cases");
    }

    @Test void the_suites_page_lists_the_teams_suites_and_offers_to_create_one_in_both_languages() {
        createSuite("Checkout");

        var english = http.get("/test-cases?lang=en");
        var japanese = http.get("/test-cases?lang=ja");

        assertThat(english.status()).isEqualTo(200);
        assertThat(english.text()).contains("Checkout").contains("New suite").contains("/assets/testcasegeneration/test-cases.js");
        assertThat(japanese.text()).contains("Checkout").contains("新しいスイート");
        assertThat(INLINE_SCRIPT.matcher(english.text()).find()).isFalse();
    }

    @Test void the_suite_page_lists_cases_with_filter_import_export_and_generate() {
        long suite = createSuite("Login");
        createCase(suite, "TC-001", "Sign in");
        generatedCase(suite, "TC-002");

        var page = http.get("/test-cases/suites/" + suite + "?lang=en");
        var filtered = http.get("/test-cases/suites/" + suite + "?status=generated&lang=en");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("TC-001").contains("TC-002").contains("2 test cases")
                .contains("data-tcg=\"generate-selected\"").contains("data-tcg-form=\"import\"")
                .contains("export?format=xlsx").contains("export?format=md").contains("export?format=csv");
        assertThat(filtered.text()).contains("TC-002").doesNotContain(">TC-001<");
        assertThat(INLINE_SCRIPT.matcher(page.text()).find()).isFalse();
    }

    @Test void the_case_page_shows_the_requirement_next_to_an_editable_procedure_and_its_history() {
        long suite = createSuite("Login");
        var c = generatedCase(suite, "TC-001");

        var page = http.get("/test-cases/cases/" + c.get("id").asLong() + "?lang=ja");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Users sign in with a password.").contains("Open the login page")
                .contains("data-version=\"" + c.get("version").asLong() + "\"")
                .contains("data-tcg=\"step-add\"").contains("data-tcg=\"approve\"").contains("改訂履歴").contains("承認");
    }

    @Test void an_approved_case_shows_its_procedure_read_only_with_reopen() {
        var c = generatedCase(createSuite("Login"), "TC-001");
        long id = c.get("id").asLong();
        http.post("/api/test-cases/" + id + "/approve", "{\"version\":" + c.get("version") + "}");

        var page = http.get("/test-cases/cases/" + id + "?lang=en").text();

        assertThat(page).contains("tcg-steps readonly").contains("Sign in as alice").contains("id=\"reopen\"")
                .doesNotContain("id=\"steps\"").doesNotContain("id=\"approve\"");
    }

    @Test void a_failed_case_shows_the_reason_and_offers_to_generate_again() {
        long id = createCase(createSuite("Login"), "TC-001", "Sign in").get("id").asLong();
        http.post("/api/test-cases/" + id + "/generate", null);
        useCases.failNext(dev.concierge.domain.testcasegeneration.model.GenerationFailure.INVALID_OUTPUT);

        var page = http.get("/test-cases/cases/" + id + "?lang=en").text();

        assertThat(page).contains("Generation failed").contains("The model kept writing procedures that break the rules").contains("id=\"generate\"");
    }

    @Test void the_batch_page_shows_progress_and_a_cancel_button() {
        long suite = createSuite("Login");
        createCase(suite, "TC-001", "Sign in");
        createCase(suite, "TC-002", "Sign out");
        String batch = http.post("/api/suites/" + suite + "/batches", null).json().get("id").asText();
        useCases.advance();

        var page = http.get("/test-cases/batches/" + batch + "?lang=en");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<progress").contains("value=\"50\"").contains("id=\"cancel-batch\"")
                .contains("data-batch-id=\"" + batch + "\"");
    }

    @Test void the_batch_of_one_case_leads_back_to_that_case_and_its_result() {
        long suite = createSuite("ログイン");
        long testCase = createCase(suite, "TC-001", "Sign in").get("id").asLong();
        String batch = http.post("/api/test-cases/" + testCase + "/generate", null).json().get("id").asText();
        useCases.advance();

        String single = http.get("/test-cases/batches/" + batch + "?case=" + testCase + "&lang=ja").text();
        String whole = http.get("/test-cases/batches/" + batch + "?lang=ja").text();

        assertThat(single).contains("href=\"/test-cases/cases/" + testCase + "\" id=\"batch-back\">テストケースと生成された手順を見る</a>");
        assertThat(whole).contains("href=\"/test-cases/suites/" + suite + "\" id=\"batch-back\">スイートとテストケースの一覧を見る</a>");
    }

    @Test void unknown_pages_answer_a_404_page_not_json() {
        var page = http.get("/test-cases/suites/9999?lang=en");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(http.get("/test-cases/cases/abc").status()).isEqualTo(400);
        assertThat(http.get("/test-cases/batches/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }
}
