package dev.concierge.bootstrap.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.bootstrap.RunningApp;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requirements over the real wiring (PostgreSQL, the LLM adapter against a server speaking Ollama's protocol):
 * import, generate traced cases, coverage (JSON and XLSX), re-import a changed criterion, regenerate only the stale
 * cases, suite settings in the prompt, provenance in the history and the export.
 */
class RequirementsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKDOWN = """
            # ログイン機能の要件

            ## REQ-1 パスワードでログインする
            利用者はメールアドレスとパスワードでログインする。

            ### 受け入れ基準
            - AC1: 正しいパスワードでダッシュボードが表示される
            - AC2: 5回続けて間違えるとアカウントがロックされる

            ## REQ-2 ログアウトする
            - AC1: どの画面からでもログアウトできる
            """;
    private static final String THREE_CASES = """
            {"cases":[
             {"kind":"normal","title":"正しいパスワードでログイン","preconditions":"アカウントがある","expectedResult":"ダッシュボードが表示される","criteria":["AC1"],
              "steps":[{"action":"ログイン画面を開く","expectedResult":"フォームが表示される","testData":"","criteria":["AC1"]},
                       {"action":"正しいパスワードでログインする","expectedResult":"ダッシュボードが表示される","testData":"alice / 正しいパスワード","criteria":["AC1"]}]},
             {"kind":"boundary","title":"5回目の失敗でロック","preconditions":"","expectedResult":"ロックされる","criteria":["AC2"],
              "steps":[{"action":"誤ったパスワードで5回ログインする","expectedResult":"ロックの通知が表示される","testData":"alice / wrong","criteria":["AC2"]}]},
             {"kind":"error","title":"ロック中はログインできない","preconditions":"ロック済み","expectedResult":"拒否される","criteria":["AC2"],
              "steps":[{"action":"正しいパスワードでログインする","expectedResult":"ロック中と表示される","testData":"","criteria":["AC2"]}]}]}""";

    private static LlmWireFixture llm;
    private static RunningApp running;

    @BeforeAll static void start() {
        llm = LlmWireFixture.start();
        running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "LLM_TIMEOUT_SECONDS", "20"));
    }

    @AfterAll static void stop() {
        running.close();
        llm.close();
    }

    @Test void requirements_become_traced_cases_and_a_changed_criterion_regenerates_exactly_its_cases() throws IOException {
        long suite = json(running.post("/api/suites", "{\"name\":\"要件\"}")).get("id").asLong();
        var settings = running.request("PUT", "/api/suites/" + suite + "/settings",
                "{\"glossary\":[{\"term\":\"会員\",\"meaning\":\"登録済みの利用者\"}],\"examples\":[\"1. 画面を開く\"],\"instructions\":\"敬体で書く\",\"version\":0}");
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        assertThat(json(settings).get("version").asInt()).isEqualTo(1);

        var imported = upload(suite, MARKDOWN.getBytes(StandardCharsets.UTF_8), "text/markdown", "ja");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(json(imported).get("created").asInt()).isEqualTo(2);
        assertThat(json(imported).get("summary").asText()).startsWith("要件を取り込みました");
        JsonNode list = json(running.get("/api/suites/" + suite + "/requirements"));
        assertThat(list.get("total").asInt()).isEqualTo(2);
        long req1 = list.get("items").get(0).get("id").asLong();
        assertThat(list.at("/items/0/criteria/1/text").asText()).isEqualTo("5回続けて間違えるとアカウントがロックされる");

        llm.enqueue(Answer.content(THREE_CASES));
        var generated = running.post("/api/requirements/" + req1 + "/generate", null);
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        assertThat(json(generated).get("items")).extracting(c -> c.get("key").asText()).containsExactly("REQ-1-C01", "REQ-1-C02", "REQ-1-C03");
        assertThat(systemMessage(llm.chatRequests().getLast())).contains("会員: 登録済みの利用者", "1. 画面を開く", "敬体で書く");
        JsonNode provenance = json(generated).at("/items/0/procedure/provenance");
        assertThat(provenance.get("provider").asText()).isEqualTo("ollama");
        assertThat(provenance.get("model").asText()).isEqualTo("qwen2.5:7b");
        assertThat(provenance.get("attempts").asInt()).isEqualTo(1);
        assertThat(provenance.get("inputTokens").asLong()).isPositive();

        JsonNode coverage = json(running.get("/api/suites/" + suite + "/coverage"));
        assertThat(coverage.get("rows")).extracting(r -> r.get("reference").asText() + "/" + r.get("criterion").asText() + "=" + r.get("state").asText())
                .containsExactly("REQ-1/AC1=covered", "REQ-1/AC2=covered", "REQ-2/AC1=uncovered");
        assertThat(coverage.get("uncovered").asInt()).isEqualTo(1);
        assertThat(readXlsx(sendRaw(HttpRequest.newBuilder(URI.create(running.base() + "/api/suites/" + suite + "/coverage?format=xlsx"))
                .header("Accept-Language", "ja").GET(), HttpResponse.BodyHandlers.ofByteArray())))
                .anySatisfy(row -> assertThat(row).containsSubsequence("REQ-2", "ログアウトする", "AC1").contains("ケースなし"));

        // The spreadsheet version of the same requirements, with AC2 of REQ-1 reworded.
        String csv = "要件ID,要件名,説明,受け入れ基準\nREQ-1,パスワードでログインする,利用者はメールアドレスとパスワードでログインする。,"
                + "\"AC1: 正しいパスワードでダッシュボードが表示される\nAC2: 3回続けて間違えるとアカウントがロックされる\"\n"
                + "REQ-2,ログアウトする,,AC1: どの画面からでもログアウトできる\n";
        var reimported = upload(suite, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "en");
        assertThat(reimported.statusCode()).as(reimported.body()).isEqualTo(200);
        assertThat(json(reimported).get("staleCases").asInt()).isEqualTo(2);
        assertThat(json(reimported).at("/requirements/0/changedCriteria").toString()).isEqualTo("[\"AC2\"]");
        JsonNode req = json(running.get("/api/requirements/" + req1));
        assertThat(req.get("cases")).extracting(c -> c.get("key").asText() + "=" + c.get("stale").asBoolean())
                .containsExactly("REQ-1-C01=false", "REQ-1-C02=true", "REQ-1-C03=true");
        assertThat(req.at("/cases/0/steps/1/criteria").toString()).isEqualTo("[\"AC1\"]");

        int callsBefore = llm.chatRequests().size();
        var regenerated = running.post("/api/requirements/" + req1 + "/regenerate", null);
        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
        assertThat(json(regenerated).get("regenerated")).extracting(c -> c.get("key").asText()).containsExactly("REQ-1-C02", "REQ-1-C03");
        assertThat(llm.chatRequests().size() - callsBefore).isEqualTo(2);
        long c02 = json(regenerated).at("/regenerated/0/id").asLong();
        JsonNode revisions = json(running.get("/api/test-cases/" + c02 + "/revisions"));
        assertThat(revisions.get("total").asInt()).isEqualTo(2);
        assertThat(json(running.get("/api/requirements/" + req1)).get("staleCount").asInt()).isZero();
        long c01 = req.at("/cases/0/id").asLong();
        assertThat(json(running.get("/api/test-cases/" + c01 + "/revisions")).get("total").asInt()).isEqualTo(1);

        String export = running.get("/api/suites/" + suite + "/export?format=csv").body();
        assertThat(export.lines().findFirst().orElseThrow()).contains("Provider", "Model", "Prompt template", "Attempts", "Input tokens");
        assertThat(export).contains("ollama,qwen2.5:7b,cases-v1,test_cases-v1,1,");
    }

    @Test void deleting_a_requirement_keeps_its_cases_which_the_coverage_then_warns_have_no_requirement() throws IOException {
        long suite = json(running.post("/api/suites", "{\"name\":\"削除\"}")).get("id").asLong();
        long req1 = json(upload(suite, MARKDOWN.getBytes(StandardCharsets.UTF_8), "text/markdown", "ja")).at("/requirements/0/id").asLong();
        llm.enqueue(Answer.content(THREE_CASES));
        long c01 = json(running.post("/api/requirements/" + req1 + "/generate", null)).at("/items/0/id").asLong();
        assertThat(json(running.get("/api/suites/" + suite + "/coverage")).get("untracedCount").asInt()).isZero();
        // the case page names the criteria each step verifies
        String casePage = running.get("/test-cases/cases/" + c01 + "?lang=en").body();
        assertThat(casePage).contains("data-criteria=\"AC1\"", "Verifies (REQ-1)", "正しいパスワードでダッシュボードが表示される");

        var deleted = running.delete("/api/requirements/" + req1);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

        assertThat(running.get("/api/requirements/" + req1).statusCode()).isEqualTo(404);
        assertThat(running.delete("/api/requirements/" + req1).statusCode()).isEqualTo(404);
        assertThat(json(running.get("/api/suites/" + suite + "/test-cases")).get("total").asInt()).isEqualTo(3);
        JsonNode coverage = json(running.get("/api/suites/" + suite + "/coverage"));
        assertThat(coverage.get("untracedCount").asInt()).isEqualTo(3);
        assertThat(coverage.get("rows")).extracting(r -> r.get("reference").asText()).containsOnly("REQ-2");
        assertThat(running.get("/test-cases/cases/" + c01 + "?lang=en").body()).doesNotContain("data-criteria=");
    }

    @Test void a_file_without_requirements_is_refused_in_the_readers_language() throws IOException {
        long suite = json(running.post("/api/suites", "{\"name\":\"空\"}")).get("id").asLong();

        var answer = upload(suite, "# 見出しだけ\n本文\n".getBytes(StandardCharsets.UTF_8), "text/markdown", "ja");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).at("/error/message").asText()).contains("要件がありません");
        long requirement = json(upload(suite, MARKDOWN.getBytes(StandardCharsets.UTF_8), "text/markdown", "ja")).at("/requirements/0/id").asLong();
        llm.enqueue(Answer.content("{\"cases\":[]}"), Answer.content("{\"cases\":[]}"), Answer.content("{\"cases\":[]}"));
        var failed = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/requirements/" + requirement + "/generate"))
                .header("Accept-Language", "ja").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(json(failed).at("/error/code").asText()).isEqualTo("model_output_invalid");
        assertThat(json(failed).at("/error/message").asText()).startsWith("AI モデルが規則に合わないテストケース");
        assertThat(json(running.get("/api/requirements/" + requirement)).get("caseCount").asInt()).isZero();
        var settings = running.request("PUT", "/api/suites/" + suite + "/settings", "{\"glossary\":[{\"term\":\"\"}],\"version\":0}");
        assertThat(settings.statusCode()).isEqualTo(400);
        assertThat(json(running.get("/api/suites/" + suite + "/settings")).get("version").asInt()).isZero();
    }

    private static HttpResponse<String> upload(long suite, byte[] file, String type, String language) {
        return running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/suites/" + suite + "/requirements/imports"))
                .header("Content-Type", type).header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    private static <T> T sendRaw(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HttpClient.newHttpClient().send(request.build(), handler).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<String>> readXlsx(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) cells.add(row.getCellAsString(i).orElse(""));
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String systemMessage(LlmWireFixture.Recorded request) {
        return request.json().path("messages").get(0).path("content").asText();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
