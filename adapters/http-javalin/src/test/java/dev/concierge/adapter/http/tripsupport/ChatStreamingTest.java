package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.in.TurnEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        server.chat.script((turn, events) -> {
            events.accept(new TurnEvent.Token("Good "));
            // The rest comes only once the client has the first token: a buffered response would never get here.
            if (!firstTokenSeen.await(20, TimeUnit.SECONDS)) {
                events.accept(new TurnEvent.Failed("the_first_token_never_reached_the_client"));
                return;
            }
            events.accept(new TurnEvent.Token("morning"));
            events.accept(new TurnEvent.Done("Good morning"));
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

    @Test void tool_use_is_an_event_between_tokens_rendered_in_the_users_language() throws Exception {
        server.chat.script((turn, events) -> {
            events.accept(new TurnEvent.ToolUsed("read_trip", "read", Map.of()));
            events.accept(new TurnEvent.Token("You go to Osaka."));
            events.accept(new TurnEvent.Done("You go to Osaka."));
        });

        List<Event> events = all("{\"text\":\"Where do I go?\"}");

        assertThat(events).extracting(Event::name).containsExactly("tool", "token", "done");
        assertThat(events.get(0).data().path("tool").asText()).isEqualTo("read_trip");
        assertThat(events.get(0).data().path("code").asText()).isEqualTo("read");
        assertThat(events.get(0).data().path("summary").asText()).isEqualTo("Checked the trip details");
    }

    @Test void a_proposal_is_an_event_with_the_proposal_and_its_tool_summary_names_it() throws Exception {
        server.chat.script((turn, events) -> {
            var proposal = turn.chat().propose(turn.conversation(), new ProposedChange.SetPreparationNotes(new VisitId(7), "Ask about Q3"),
                    "line written for the model");
            events.accept(new TurnEvent.Proposed(proposal));
            events.accept(new TurnEvent.ToolUsed("propose_preparation_notes", "proposed", Map.of("proposal", String.valueOf(proposal.id()))));
            events.accept(new TurnEvent.Done("Proposed."));
        });

        List<Event> events = all("{\"text\":\"Prepare me\"}");

        assertThat(events).extracting(Event::name).containsExactly("proposal", "tool", "done");
        // Worded from the change's kind and fields, never the line the domain stored for the model.
        assertThat(events.get(0).data().path("summary").asText()).isEqualTo("Set the preparation notes of visit #7");
        assertThat(events.get(0).data().path("status").asText()).isEqualTo("pending");
        assertThat(events.get(1).data().path("summary").asText())
                .isEqualTo("Proposed preparation notes: check them below, then accept or reject them");
    }

    @Test void a_failed_turn_ends_the_stream_with_an_error_event_carrying_its_code_and_message() throws Exception {
        server.chat.script((turn, events) -> {
            events.accept(new TurnEvent.Token("Let me"));
            events.accept(new TurnEvent.Failed("llm_timed_out"));
        });

        List<Event> events = all("{\"text\":\"Hi\"}");

        assertThat(events).extracting(Event::name).containsExactly("token", "error");
        assertThat(events.get(1).data().path("code").asText()).isEqualTo("llm_timed_out");
        assertThat(events.get(1).data().path("message").asText()).contains("stopped answering");
    }

    @Test void an_exception_after_streaming_began_still_ends_with_an_error_event() throws Exception {
        server.chat.script((turn, events) -> {
            events.accept(new TurnEvent.Token("Partial"));
            throw new IllegalStateException("socket closed");
        });

        List<Event> events = all("{\"text\":\"Hi\"}");

        assertThat(events).extracting(Event::name).containsExactly("token", "error");
        assertThat(events.get(1).data().path("code").asText()).isEqualTo("internal_error");
        assertThat(events.get(1).data().path("message").asText()).doesNotContain("socket closed");
    }

    @Test void a_failure_before_any_token_is_a_500_in_the_readers_language_without_the_servers_text() {
        server.chat.script((turn, events) -> { throw new IllegalStateException("socket closed"); });

        JsonNode japanese = server.assertError(server.post("/api/conversations/" + conversation + "/messages?lang=ja",
                "{\"text\":\"こんにちは\"}"), 500, "internal_error");
        JsonNode english = server.assertError(server.post("/api/conversations/" + conversation + "/messages?lang=en",
                "{\"text\":\"Hi\"}"), 500, "internal_error");

        assertThat(japanese.path("message").asText()).startsWith("サーバー側で問題が起きました").doesNotContain("socket closed");
        assertThat(english.path("message").asText()).startsWith("Something went wrong on our side").doesNotContain("socket closed");
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
        server.chat.script((turn, events) -> {
            throw new dev.concierge.domain.kernel.Conflict("turn_in_progress",
                    "The assistant is still answering the previous message in this conversation. Wait for that answer, then send again.");
        });

        server.assertError(server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"Hi\"}"), 409, "turn_in_progress");
    }

    @Test void a_turn_that_returns_without_an_end_event_still_ends_the_stream() throws Exception {
        server.chat.script((turn, events) -> events.accept(new TurnEvent.Token("Half")));

        List<Event> events = all("{\"text\":\"Hi\"}");

        assertThat(events).extracting(Event::name).containsExactly("token");
    }

    @Test void an_empty_message_is_refused_before_any_stream() {
        server.assertError(server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"  \"}"), 400, "invalid_request");
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
