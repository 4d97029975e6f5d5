package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/conversations/{id}/messages} over real HTTP: server-sent events as the model produces them. */
class ChatStreamingTest {
    private TripSupportServer server = new TripSupportServer();
    private long conversation = startConversation();

    @AfterEach void stop() { server.close(); }

    record Event(String name, JsonNode data) {}

    @Test void tokens_arrive_one_by_one_while_the_model_is_still_answering() throws Exception {
        CountDownLatch firstTokenSeen = new CountDownLatch(1);
        server.chat.script((turn, listener) -> {
            listener.token("Good ");
            // The rest comes only once the client has the first token: a buffered response would never get here.
            if (!firstTokenSeen.await(20, TimeUnit.SECONDS)) {
                listener.failed("the first token never reached the client");
                return;
            }
            listener.token("morning");
            listener.completed("Good morning");
        });

        HttpResponse<InputStream> response = server.stream("/api/conversations/" + conversation + "/messages", "{\"text\":\"Hi\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (var reader = reader(response)) {
            Event first = next(reader);
            assertThat(first.name()).isEqualTo("token");
            assertThat(first.data().path("text").asText()).isEqualTo("Good ");
            firstTokenSeen.countDown();
            List<Event> rest = rest(reader);
            assertThat(rest).extracting(Event::name).containsExactly("token", "done");
            assertThat(rest.get(1).data().path("text").asText()).isEqualTo("Good morning");
        }
    }

    @Test void tool_use_is_an_event_between_tokens() throws Exception {
        server.chat.script((turn, listener) -> {
            listener.toolUsed("readTrip", "Read the trip: Osaka customers, 2026-12-01 to 2026-12-03");
            listener.token("You go to Osaka.");
            listener.completed("You go to Osaka.");
        });

        List<Event> events = all("{\"text\":\"Where do I go?\"}");

        assertThat(events).extracting(Event::name).containsExactly("tool", "token", "done");
        assertThat(events.get(0).data().path("tool").asText()).isEqualTo("readTrip");
        assertThat(events.get(0).data().path("outcome").asText()).contains("Osaka customers");
    }

    @Test void a_failed_turn_ends_the_stream_with_an_error_event_in_words_for_the_user() throws Exception {
        server.chat.script((turn, listener) -> {
            listener.token("Let me");
            listener.failed("The model timed out after 120 s — try again, or set LLM_TIMEOUT_SECONDS higher.");
        });

        List<Event> events = all("{\"text\":\"Hi\"}");

        assertThat(events).extracting(Event::name).containsExactly("token", "error");
        // Which setting to raise is for the operators' log; the person chatting is told what they can do.
        assertThat(events.get(1).data().path("message").asText()).startsWith("The assistant could not finish this answer")
                .doesNotContain("LLM_TIMEOUT_SECONDS");
    }

    @Test void an_exception_after_streaming_began_still_ends_with_an_error_event() throws Exception {
        server.chat.script((turn, listener) -> {
            listener.token("Partial");
            throw new IllegalStateException("socket closed");
        });

        List<Event> events = all("{\"text\":\"Hi\"}");

        assertThat(events).extracting(Event::name).containsExactly("token", "error");
        assertThat(events.get(1).data().path("code").asText()).isEqualTo("internal_error");
        assertThat(events.get(1).data().path("message").asText()).doesNotContain("socket closed");
    }

    @Test void no_model_answers_503_with_the_standard_error_body_before_any_stream() {
        server.chat.reachable(false);

        var response = server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"Hi\"}");

        JsonNode error = server.assertError(response, 503, "llm_unavailable");
        assertThat(error.path("message").asText()).startsWith("The AI model is not available right now")
                .doesNotContain("Ollama").doesNotContain("localhost");
        assertThat(server.json(server.get("/api/conversations/" + conversation + "/messages")).path("total").asInt()).isZero();
    }

    @Test void a_turn_refused_before_it_starts_answers_its_status_not_a_stream() {
        server.chat.script((turn, listener) -> {
            throw new dev.concierge.domain.kernel.Conflict("turn_in_progress",
                    "The assistant is still answering the previous message in this conversation. Wait for that answer, then send again.");
        });

        server.assertError(server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"Hi\"}"), 409, "turn_in_progress");
    }

    @Test void a_model_that_never_answers_ends_the_stream_with_an_error_not_a_hang() throws Exception {
        server.close();
        server = new TripSupportServer(Duration.ofSeconds(1));
        conversation = startConversation();
        CountDownLatch released = new CountDownLatch(1);
        server.chat.script((turn, listener) -> released.await(30, TimeUnit.SECONDS));
        try {
            List<Event> events = all("{\"text\":\"Hi\"}");

            assertThat(events).extracting(Event::name).containsExactly("error");
            assertThat(events.get(0).data().path("message").asText()).startsWith("The assistant could not finish this answer");
        } finally {
            released.countDown();
        }
    }

    private long startConversation() {
        long trip = server.createTrip();
        return server.json(server.post("/api/trips/" + trip + "/conversations", "{}")).path("id").asLong();
    }

    private List<Event> all(String body) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = server.stream("/api/conversations/" + conversation + "/messages", body);
        assertThat(response.statusCode()).isEqualTo(200);
        try (var reader = reader(response)) {
            return rest(reader);
        }
    }

    private static BufferedReader reader(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    private List<Event> rest(BufferedReader reader) throws IOException {
        List<Event> events = new ArrayList<>();
        for (Event event = next(reader); event != null; event = next(reader)) events.add(event);
        return events;
    }

    /** The next event, skipping comment lines; null at the end of the stream. */
    private Event next(BufferedReader reader) throws IOException {
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (name != null) return new Event(name, server.mapper.readTree(data.toString()));
                continue;
            }
            if (line.startsWith("event:")) name = line.substring(6).strip();
            else if (line.startsWith("data:")) data.append(line.substring(5).strip());
        }
        return null;
    }
}
