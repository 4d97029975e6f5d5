package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see of the model and the job queue at {@code /metrics}: per model call its latency by provider,
 * model and outcome, time to first token when streamed, input and output tokens, errors; the queue's depth per
 * state and the age of its oldest queued job.
 */
class LlmAndQueueMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test void metrics_show_model_calls_of_a_generation_and_a_chat_turn_and_the_queue() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start();
             RunningApp running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "OLLAMA_MODEL", "llama3.2",
                     "GENERATION_CONCURRENCY", "1", "GENERATION_POLL_MILLIS", "50", "LLM_TIMEOUT_SECONDS", "10"))) {
            long suite = JSON.readTree(running.post("/api/suites", "{\"name\":\"Measured\"}").body()).get("id").asLong();
            running.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-1\",\"title\":\"Sign in\"}");
            String batch = JSON.readTree(running.post("/api/suites/" + suite + "/batches", null).body()).get("id").asText();
            awaitDone(running, batch);
            long trip = JSON.readTree(running.post("/api/trips", """
                    {"title":"Osaka","origin":"Tokyo","destinations":["Osaka"],"startDate":"2026-12-01","endDate":"2026-12-02"}""")
                    .body()).get("id").asLong();
            long conversation = JSON.readTree(running.post("/api/trips/" + trip + "/conversations", "{}").body()).get("id").asLong();
            HttpResponse<String> answered = running.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"What is planned?\"}");
            assertThat(answered.body()).contains("event: done");
            llm.enqueue(Answer.httpError(500), Answer.httpError(500));
            running.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"And now?\"}");

            String metrics = running.get("/metrics").body();

            assertThat(metrics)
                    .containsPattern("llm_calls_seconds_count\\{[^}]*model=\"llama3.2\"[^}]*outcome=\"success\"[^}]*provider=\"ollama\"[^}]*} [1-9]")
                    .containsPattern("llm_calls_seconds_count\\{[^}]*outcome=\"error\"[^}]*} [1-9]")
                    .containsPattern("llm_errors_total\\{[^}]*error=\"[A-Za-z]+\"[^}]*provider=\"ollama\"[^}]*} [1-9]")
                    .containsPattern("llm_time_to_first_token_seconds_count\\{[^}]*model=\"llama3.2\"[^}]*} [1-9]")
                    .containsPattern("llm_tokens_total\\{direction=\"input\"[^}]*} [1-9]")
                    .containsPattern("llm_tokens_total\\{direction=\"output\"[^}]*} [1-9]")
                    .containsPattern("generation_jobs\\{state=\"queued\"} 0")
                    .containsPattern("generation_jobs\\{state=\"running\"} 0")
                    .containsPattern("generation_jobs_oldest_queued_age_seconds\\{state=\"queued\"} 0");
        }
    }

    @Test void the_queue_gauges_count_queued_jobs_and_their_age() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start();
             RunningApp running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "GENERATION_CONCURRENCY", "0"))) {
            long suite = JSON.readTree(running.post("/api/suites", "{\"name\":\"Waiting\"}").body()).get("id").asLong();
            running.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-1\",\"title\":\"One\"}");
            running.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-2\",\"title\":\"Two\"}");
            assertThat(running.post("/api/suites/" + suite + "/batches", null).statusCode()).isEqualTo(201);

            String metrics = running.get("/metrics").body();

            assertThat(metrics).containsPattern("generation_jobs\\{state=\"queued\"} 2")
                    .containsPattern("generation_jobs\\{state=\"running\"} 0")
                    .containsPattern("generation_jobs_oldest_queued_age_seconds\\{state=\"queued\"} [0-9.]+");
        }
    }

    private static void awaitDone(RunningApp running, String batch) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode progress = JSON.readTree(running.get("/api/batches/" + batch).body());
            if (progress.path("done").asBoolean()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the batch did not finish: " + running.get("/api/batches/" + batch).body());
    }
}
