package dev.concierge.bootstrap.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.bootstrap.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicates over the real wiring: PostgreSQL, the embedding adapter against a server speaking Ollama's /api/embed
 * (sim-llm's trigram vectors), the import, the check after the model was down, dismissing a pair, shared steps.
 */
class DuplicatesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = """
            キー,タイトル,前提条件,期待結果
            TC-1,正しいパスワードでログインできる,会員登録済み,ダッシュボードが表示される
            TC-2,正しいパスワードでログインできること,会員登録済み,ダッシュボードが表示される
            TC-3,月次レポートをCSVで出力する,管理者でログイン済み,CSVファイルがダウンロードされる
            """;

    private static LlmWireFixture llm;
    private static RunningApp running;

    @BeforeAll static void start() {
        llm = LlmWireFixture.start();
        running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "LLM_TIMEOUT_SECONDS", "20",
                "GENERATION_DUPLICATE_THRESHOLD", "0.9"));
    }

    @AfterAll static void stop() {
        running.close();
        llm.close();
    }

    @Test void an_import_finds_near_duplicates_that_a_person_can_dismiss_and_the_model_being_down_never_fails_it() throws IOException {
        long suite = json(running.post("/api/suites", "{\"name\":\"重複\"}")).get("id").asLong();

        var imported = importCsv(suite, CSV, false);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(json(imported).at("/duplicates/rows/0/key").asText()).isEqualTo("TC-1");
        assertThat(json(imported).at("/duplicates/rows/0/similar/0/key").asText()).isEqualTo("TC-2");
        assertThat(llm.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/embed");
            assertThat(r.json().get("model").asText()).isEqualTo("bge-m3");
        });

        JsonNode duplicates = json(running.get("/api/suites/" + suite + "/duplicates"));
        assertThat(duplicates.get("total").asInt()).isEqualTo(1);
        assertThat(duplicates.at("/items/0/first/key").asText() + "~" + duplicates.at("/items/0/second/key").asText()).isEqualTo("TC-1~TC-2");
        assertThat(duplicates.at("/items/0/percent").asInt()).isBetween(90, 100);
        assertThat(duplicates.get("complete").asBoolean()).isTrue();
        long one = duplicates.at("/items/0/first/id").asLong();
        long two = duplicates.at("/items/0/second/id").asLong();

        var similar = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/test-cases/" + one + "/similar"))
                .header("Accept-Language", "ja").GET());
        assertThat(json(similar).at("/items/0/warning").asText()).startsWith("TC-2「正しいパスワードでログインできること」と類似（");

        // The model goes away: the import still imports, and says what it could not check.
        llm.failEmbeddings(500);
        var whileDown = importCsv(suite, "キー,タイトル\nTC-4,正しいパスワードでログインできるか確認する\n", false);
        assertThat(whileDown.statusCode()).as(whileDown.body()).isEqualTo(201);
        assertThat(json(whileDown).at("/duplicates/complete").asBoolean()).isFalse();
        JsonNode unchecked = json(running.get("/api/suites/" + suite + "/duplicates"));
        assertThat(unchecked.get("unchecked").asInt()).isEqualTo(1);
        assertThat(unchecked.get("problem").asText()).contains(llm.ollamaBaseUrl().toString());

        llm.failEmbeddings(0);
        JsonNode checked = json(running.post("/api/suites/" + suite + "/duplicates/check", null));
        assertThat(checked.get("complete").asBoolean()).isTrue();
        assertThat(checked.get("unchecked").asInt()).isZero();
        assertThat(llm.requests().getLast().body()).contains("正しいパスワードでログインできるか確認する");

        var dismissed = running.post("/api/suites/" + suite + "/duplicates/dismiss", "{\"caseIds\":[" + two + "," + one + "]}");
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(204);
        JsonNode after = json(running.get("/api/suites/" + suite + "/duplicates"));
        assertThat(after.get("items")).noneSatisfy(p -> assertThat(p.at("/first/id").asLong() + "~" + p.at("/second/id").asLong())
                .isEqualTo(one + "~" + two));
    }

    @Test void a_preview_says_which_rows_read_like_existing_cases_and_changes_nothing() throws IOException {
        long suite = json(running.post("/api/suites", "{\"name\":\"プレビュー\"}")).get("id").asLong();
        importCsv(suite, "キー,タイトル\nTC-1,月次レポートをCSVで出力する\n", false);

        var preview = importCsv(suite, "key,title\nTC-9,月次レポートをCSVで出力する。\n", true);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(json(preview).at("/duplicates/rows/0/warning").asText()).startsWith("TC-9 reads like TC-1 (");
        assertThat(json(running.get("/api/suites/" + suite + "/test-cases")).get("total").asInt()).isEqualTo(1);
    }

    @Test void bad_dismissals_are_refused_in_words_and_another_suites_case_is_not_found() throws IOException {
        long suite = json(running.post("/api/suites", "{\"name\":\"A\"}")).get("id").asLong();
        long other = json(running.post("/api/suites", "{\"name\":\"B\"}")).get("id").asLong();
        importCsv(suite, "key,title\nTC-1,One\n", false);
        importCsv(other, "key,title\nTC-1,One\n", false);
        long mine = json(running.get("/api/suites/" + suite + "/test-cases")).at("/items/0/id").asLong();
        long theirs = json(running.get("/api/suites/" + other + "/test-cases")).at("/items/0/id").asLong();

        assertThat(running.post("/api/suites/" + suite + "/duplicates/dismiss", "{\"caseIds\":[" + mine + "]}").statusCode()).isEqualTo(400);
        assertThat(running.post("/api/suites/" + suite + "/duplicates/dismiss", "{\"caseIds\":[" + mine + "," + mine + "]}").statusCode()).isEqualTo(400);
        assertThat(running.post("/api/suites/" + suite + "/duplicates/dismiss", "{\"caseIds\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(running.post("/api/suites/" + suite + "/duplicates/dismiss", "{\"caseIds\":[" + mine + "," + theirs + "]}").statusCode()).isEqualTo(404);
        assertThat(running.get("/api/suites/999999/duplicates").statusCode()).isEqualTo(404);
    }

    @Test void repeated_step_runs_are_listed_with_the_cases_they_appear_in() throws IOException {
        long suite = json(running.post("/api/suites", "{\"name\":\"共通手順\"}")).get("id").asLong();
        String testRail = """
                ID,Title,Steps (Step),Steps (Expected Result)
                C1,注文する,ログイン画面を開く,フォームが表示される
                ,,正しいパスワードでログインする,ダッシュボードが表示される
                ,,注文ボタンを押す,注文が確定する
                C2,解約する,ログイン画面を開く,フォームが表示される
                ,,正しいパスワードでログインする,ダッシュボードが表示される
                ,,解約ボタンを押す,解約される
                """;
        var imported = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/suites/" + suite + "/imports?format=testrail-csv"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(testRail)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

        JsonNode shared = json(running.get("/api/suites/" + suite + "/shared-steps"));
        assertThat(shared.get("total").asInt()).isEqualTo(1);
        assertThat(shared.at("/items/0/steps/1/action").asText()).isEqualTo("正しいパスワードでログインする");
        assertThat(shared.at("/items/0/cases")).extracting(c -> c.get("key").asText()).containsExactly("C1", "C2");
    }

    private static HttpResponse<String> importCsv(long suite, String csv, boolean preview) {
        return running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/suites/" + suite + "/imports" + (preview ? "?preview=true" : "")))
                .header("Content-Type", "text/csv").header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
