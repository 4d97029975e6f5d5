package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.bootstrap.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The test-case generation API on the real wiring (PostgreSQL, no model reachable): what the fakes cannot show. */
class TestCaseGenerationApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningApp running;

    @BeforeAll static void start() { running = RunningApp.start(); }

    @AfterAll static void stop() { running.close(); }

    @Test void without_a_model_generation_answers_503_for_the_user_and_queues_nothing_while_health_tells_operators_why() throws IOException {
        long suite = json(running.post("/api/suites", "{\"name\":\"No model\"}")).get("id").asLong();
        long id = json(running.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-1\",\"title\":\"Sign in\"}")).get("id").asLong();

        var answer = running.post("/api/suites/" + suite + "/batches", null);

        assertThat(answer.statusCode()).isEqualTo(503);
        JsonNode error = json(answer).get("error");
        assertThat(error.get("code").asText()).isEqualTo("llm_unavailable");
        assertThat(error.get("message").asText()).startsWith("The AI model is not available right now").doesNotContain("127.0.0.1");
        assertThat(json(running.get("/health")).at("/components/llm/message").asText()).contains("No LLM reachable at http://127.0.0.1:9");
        assertThat(json(running.get("/api/test-cases/" + id)).get("status").asText()).isEqualTo("draft");
        assertThat(json(running.get("/api/suites/" + suite + "/batches")).get("total").asInt()).isZero();
    }

    @Test void a_shift_jis_import_is_stored_once_and_exported_with_its_japanese_text() throws IOException {
        long suite = json(running.post("/api/suites", "{\"name\":\"インポート\"}")).get("id").asLong();
        byte[] file = ("キー,タイトル,要件,優先度\r\nTC-1,ログインできる,利用者はログインできる,高\r\nTC-2,ログアウトできる,,低\r\n")
                .getBytes(Charset.forName("windows-31j"));

        var first = importCsv(suite, file);
        var second = importCsv(suite, file);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).get("created").asInt()).isEqualTo(2);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("unchanged").asInt()).isEqualTo(2);
        assertThat(json(running.get("/api/suites/" + suite + "/test-cases")).get("total").asInt()).isEqualTo(2);
        var csv = running.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(running.base() + "/api/suites/" + suite
                + "/export?format=csv")).header("Accept-Language", "ja").GET());
        assertThat(csv.body()).contains("キー,タイトル,優先度,状態").contains("TC-1,ログインできる,高,下書き");
        var md = running.get("/api/suites/" + suite + "/export?format=md");
        assertThat(md.body()).contains("## TC-2 — ログアウトできる");
    }

    private static HttpResponse<String> importCsv(long suite, byte[] file) {
        return running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/suites/" + suite + "/imports"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
