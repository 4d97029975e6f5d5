package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.concierge.adapter.llm.LlmWireFixture;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM with a batch's progress stream open: the stream tells the browser to reconnect and closes at once, so the
 * shutdown is not held for the whole drain time; and readiness follows the generation workers.
 */
class ShutdownWithOpenStreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test void an_open_progress_stream_ends_with_a_reconnect_event_and_does_not_hold_the_drain() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start();
             // No workers: the batch stays queued, so its stream would stay open for minutes.
             RunningApp running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(),
                     "GENERATION_CONCURRENCY", "0", "SHUTDOWN_DRAIN_SECONDS", "20"))) {
            long suite = JSON.readTree(running.post("/api/suites", "{\"name\":\"Stopping\"}").body()).get("id").asLong();
            running.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-1\",\"title\":\"Sign in\"}");
            HttpResponse<String> started = running.post("/api/suites/" + suite + "/batches", null);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            String batch = JSON.readTree(started.body()).get("id").asText();
            List<String> lines = new CopyOnWriteArrayList<>();
            CountDownLatch firstProgress = new CountDownLatch(1);
            HttpResponse<java.util.stream.Stream<String>> opened = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(running.base() + "/api/batches/" + batch + "/events"))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(opened.statusCode()).isEqualTo(200);
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> opened.body().forEach(raw -> {
                String line = raw.startsWith("event:") ? "event: " + raw.substring(6).strip() : raw;
                lines.add(line);
                if (line.equals("event: progress")) firstProgress.countDown();
            }));
            assertThat(firstProgress.await(10, TimeUnit.SECONDS)).as("the stream sent its first progress: %s", lines).isTrue();

            long before = System.nanoTime();
            running.app.close(); // what the SIGTERM hook runs
            Duration took = Duration.ofNanos(System.nanoTime() - before);

            stream.get(10, TimeUnit.SECONDS);
            assertThat(took).as("well within the 20 s drain").isLessThan(Duration.ofSeconds(10));
            assertThat(lines).contains("event: reconnect");
            assertThat(lines.indexOf("event: reconnect")).isGreaterThan(lines.indexOf("event: progress"));
        }
    }

    @Test void a_chat_answer_in_flight_gets_the_drain_time_to_finish() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start().firstTokenDelay(Duration.ofSeconds(2)); // still thinking when the stop begins
             RunningApp running = RunningApp.start(Map.of("OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(),
                     "OLLAMA_MODEL", "llama3.2", "SHUTDOWN_DRAIN_SECONDS", "20"))) {
            long trip = JSON.readTree(running.post("/api/trips", """
                    {"title":"Osaka","origin":"Tokyo","destinations":["Osaka"],"startDate":"2026-12-01","endDate":"2026-12-02"}""")
                    .body()).get("id").asLong();
            long conversation = JSON.readTree(running.post("/api/trips/" + trip + "/conversations", "{}").body()).get("id").asLong();
            CompletableFuture<HttpResponse<String>> chat = CompletableFuture.supplyAsync(() ->
                    running.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"What is planned?\"}"));
            long waitedSince = System.nanoTime();
            while (llm.chatRequests().isEmpty() && System.nanoTime() - waitedSince < TimeUnit.SECONDS.toNanos(10)) Thread.sleep(20);
            assertThat(llm.chatRequests()).as("the turn reached the model").isNotEmpty();

            running.app.close();

            HttpResponse<String> answered = chat.get(10, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("event: done").doesNotContain("event: error");
        }
    }

    @Test void readiness_fails_while_the_generation_workers_are_not_running_and_liveness_does_not() throws Exception {
        try (RunningApp running = RunningApp.start(Map.of("GENERATION_CONCURRENCY", "1"))) {
            JsonNode ready = JSON.readTree(running.get("/health/ready").body());
            assertThat(ready.at("/components/generationWorkers/status").asText()).isEqualTo("up");
            assertThat(ready.at("/components/generationWorkers/critical").asBoolean()).isTrue();

            running.app.injector().getInstance(Key.get(new TypeLiteral<Set<BackgroundWork>>() {})).forEach(BackgroundWork::stopTaking);

            HttpResponse<String> notReady = running.get("/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(notReady.body()).at("/components/generationWorkers/status").asText()).as(notReady.body()).isEqualTo("down");
            HttpResponse<String> live = running.get("/health");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(live.body()).at("/components/generationWorkers/critical").asBoolean()).isFalse();
        }
    }

    @Test void readiness_is_up_on_an_instance_that_runs_no_workers() throws Exception {
        try (RunningApp running = RunningApp.start(Map.of("GENERATION_CONCURRENCY", "0"))) {
            HttpResponse<String> ready = running.get("/health/ready");

            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(JSON.readTree(ready.body()).at("/components/generationWorkers/message").asText()).contains("GENERATION_CONCURRENCY=0");
        }
    }
}
