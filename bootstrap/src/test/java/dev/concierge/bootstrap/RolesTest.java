package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.persistence.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One jar, three roles, over real HTTP with the real injector: {@code web} serves people and runs no generation
 * workers, {@code worker} runs them and serves only health and metrics, {@code all} does both.
 */
class RolesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test void a_web_instance_runs_no_workers_so_a_queued_job_waits_for_a_worker_instance() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start(); TestDatabase database = TestDatabase.empty();
             RunningApp web = RunningApp.on(database, settings(llm, "web"))) {
            long suite = json(web.post("/api/suites", "{\"name\":\"Tiers\"}")).get("id").asLong();
            long testCase = json(web.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-1\",\"title\":\"Sign in\"}")).get("id").asLong();
            assertThat(web.post("/api/suites/" + suite + "/batches", null).statusCode()).isEqualTo(201);

            // Many poll intervals (50 ms) of a worker that would run here: nothing claims the job.
            Thread.sleep(1_000);
            assertThat(json(web.get("/api/test-cases/" + testCase)).get("status").asText()).isEqualTo("queued");
            assertThat(llm.chatRequests()).isEmpty();
            HttpResponse<String> ready = web.get("/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(json(web.get("/health")).at("/components/generationWorkers/message").asText()).contains("ROLE=web");

            try (RunningApp worker = RunningApp.on(database, settings(llm, "worker"))) {
                awaitStatus(web, testCase, "generated");
                assertThat(json(worker.get("/health/ready")).at("/components/generationWorkers/status").asText()).isEqualTo("up");
            }
        }
    }

    @Test void a_web_instance_without_a_reachable_model_still_queues_jobs_and_answers_chat_503_in_the_users_language() throws Exception {
        // No GPU capacity up: the model server is gone with the workers scaled to zero.
        try (RunningApp web = RunningApp.start(Map.of("ROLE", "web", "OLLAMA_BASE_URL", "http://127.0.0.1:9"))) {
            assertThat(web.get("/health").statusCode()).isEqualTo(200);
            assertThat(web.get("/health/ready").statusCode()).isEqualTo(200);

            long suite = json(web.post("/api/suites", "{\"name\":\"Night\"}")).get("id").asLong();
            web.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-1\",\"title\":\"Sign in\"}");
            assertThat(web.post("/api/suites/" + suite + "/batches", null).statusCode())
                    .as("the queue is what brings the workers (and their model) back").isEqualTo(201);

            long trip = json(web.post("/api/trips", """
                    {"title":"Osaka","origin":"Tokyo","destinations":["Osaka"],"startDate":"2026-12-01","endDate":"2026-12-02"}""")).get("id").asLong();
            long conversation = json(web.post("/api/trips/" + trip + "/conversations", "{}")).get("id").asLong();
            HttpResponse<String> chat = web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web.base()
                            + "/api/conversations/" + conversation + "/messages")).header("Content-Type", "application/json")
                    .header("Accept-Language", "ja").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"予定は？\"}")));
            assertThat(chat.statusCode()).isEqualTo(503);
            JsonNode error = json(chat).get("error");
            assertThat(error.get("code").asText()).isEqualTo("llm_unavailable");
            assertThat(error.get("message").asText()).startsWith("AI モデルは現在利用できません").doesNotContain("127.0.0.1")
                    .doesNotContain("OLLAMA").doesNotContain("ollama");
            assertThat(json(web.get("/health")).at("/components/llm/message").asText()).contains("http://127.0.0.1:9");
        }
    }

    @Test void a_worker_serves_health_and_metrics_and_nothing_else() throws Exception {
        Map<String, String> alb = new HashMap<>(Map.of("AUTH_MODE", "alb", "ALB_SIGNER_ARN", "arn:aws:elasticloadbalancing:test",
                "ALB_PUBLIC_KEY_URL", "http://127.0.0.1:9"));
        try (LlmWireFixture llm = LlmWireFixture.start(); RunningApp worker = RunningApp.start(with(settings(llm, "worker"), alb))) {
            assertThat(worker.get("/health").statusCode()).isEqualTo(200);
            assertThat(worker.get("/health/ready").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = worker.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("generation_jobs{state=\"queued\"}");

            // No identity is asked for (a 401 would tell a prober there is something behind it): every path is simply absent.
            for (String path : new String[] {"/", "/favourites", "/trips", "/api/suites", "/api/favourites", "/api/openapi.json",
                    "/assets/app.js"}) {
                HttpResponse<String> answer = worker.get(path);
                assertThat(answer.statusCode()).as(path).isEqualTo(404);
                assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                assertThat(json(answer).at("/error/code").asText()).as(path).isEqualTo("not_found");
            }
            assertThat(worker.post("/api/conversations/1/messages", "{\"text\":\"Hi\"}").statusCode()).isEqualTo(404);
            assertThat(worker.post("/api/suites", "{\"name\":\"No\"}").statusCode()).isEqualTo(404);
        }
    }

    @Test void an_all_instance_serves_people_and_runs_the_jobs_they_queue() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start(); RunningApp all = RunningApp.start(settings(llm, "all"))) {
            assertThat(all.get("/").statusCode()).isEqualTo(200);
            long suite = json(all.post("/api/suites", "{\"name\":\"Both\"}")).get("id").asLong();
            long testCase = json(all.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-1\",\"title\":\"Sign in\"}")).get("id").asLong();
            assertThat(all.post("/api/suites/" + suite + "/batches", null).statusCode()).isEqualTo(201);

            awaitStatus(all, testCase, "generated");
        }
    }

    private static Map<String, String> settings(LlmWireFixture llm, String role) {
        return Map.of("ROLE", role, "OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "OLLAMA_MODEL", "llama3.2",
                "GENERATION_CONCURRENCY", "2", "GENERATION_POLL_MILLIS", "50", "LLM_TIMEOUT_SECONDS", "10");
    }

    private static Map<String, String> with(Map<String, String> settings, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(more);
        return all;
    }

    private static void awaitStatus(RunningApp app, long testCase, String status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode current = null;
        while (Instant.now().isBefore(deadline)) {
            current = json(app.get("/api/test-cases/" + testCase));
            if (current.get("status").asText().equals(status)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("test case never became " + status + ": " + current);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception { return JSON.readTree(response.body()); }
}
