package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.adapter.http.TestHttpServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchApiTest extends TestCaseGenerationHttpTest {

    @Test void a_batch_without_a_selection_queues_every_draft_of_the_suite() {
        long suite = createSuite("Login");
        createCase(suite, "TC-001", "Sign in");
        createCase(suite, "TC-002", "Sign out");
        generatedCase(suite, "TC-003");

        var answer = http.post("/api/suites/" + suite + "/batches", null);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("size").asInt()).isEqualTo(2);
        assertThat(answer.json().get("suiteId").asLong()).isEqualTo(suite);
        assertThat(http.get("/api/suites/" + suite + "/test-cases?status=queued").json().get("total").asInt()).isEqualTo(2);
        assertThat(http.post("/api/suites/" + createSuite("Other") + "/batches", "{}").status()).isEqualTo(422);
    }

    @Test void a_batch_of_selected_cases_queues_only_those() {
        long suite = createSuite("Login");
        long first = createCase(suite, "TC-001", "Sign in").get("id").asLong();
        createCase(suite, "TC-002", "Sign out");

        var answer = http.post("/api/suites/" + suite + "/batches", "{\"testCaseIds\":[" + first + "]}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("size").asInt()).isEqualTo(1);
        assertThat(http.get("/api/test-cases/" + first).json().get("status").asText()).isEqualTo("queued");
        var batches = http.get("/api/suites/" + suite + "/batches").json();
        assertThat(batches.get("total").asInt()).isEqualTo(1);
        assertThat(batches.get("items").get(0).get("id").asText()).isEqualTo(answer.json().get("id").asText());
    }

    @Test void bad_batch_requests_are_400_or_404_and_queue_nothing() {
        long suite = createSuite("Login");
        long id = createCase(suite, "TC-001", "Sign in").get("id").asLong();

        assertThat(http.post("/api/suites/" + suite + "/batches", "{\"testCaseIds\":\"all\"}").errorFields()).contains("testCaseIds");
        assertThat(http.post("/api/suites/" + suite + "/batches", "{\"testCaseIds\":[0]}").errorFields()).contains("testCaseIds[0]");
        assertThat(http.post("/api/suites/" + suite + "/batches", "{\"testCaseIds\":[\"x\"]}").status()).isEqualTo(400);
        assertThat(http.post("/api/suites/" + suite + "/batches", "{\"cases\":[1]}").errorFields()).contains("cases");
        assertThat(http.post("/api/suites/" + suite + "/batches", "{\"testCaseIds\":[9999]}").status()).isEqualTo(404);
        assertThat(http.post("/api/suites/9999/batches", "{}").status()).isEqualTo(404);
        assertThat(http.get("/api/test-cases/" + id).json().get("status").asText()).isEqualTo("draft");
        assertThat(http.get("/api/batches/not-a-uuid").errorFields()).contains("batchId");
        assertThat(http.get("/api/batches/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(http.post("/api/batches/00000000-0000-0000-0000-000000000000/cancel", null).status()).isEqualTo(404);
        assertThat(http.get("/api/suites/" + suite + "/batches?limit=-1").status()).isEqualTo(400);
    }

    @Test void progress_shows_counts_per_state_rate_and_time_left() {
        long suite = createSuite("Login");
        for (int i = 1; i <= 5; i++) createCase(suite, "TC-00" + i, "Case " + i);
        String batch = http.post("/api/suites/" + suite + "/batches", null).json().get("id").asText();
        useCases.advance();
        useCases.advance();
        var early = http.get("/api/batches/" + batch).json();
        useCases.advance();

        var progress = http.get("/api/batches/" + batch).json();

        assertThat(early.get("perMinute").isNull()).as("two jobs say nothing about the rate yet").isTrue();
        assertThat(early.get("estimate").asText()).isEmpty();
        assertThat(progress.get("counts").get("succeeded").asInt()).isEqualTo(3);
        assertThat(progress.get("counts").get("queued").asInt()).isEqualTo(2);
        assertThat(progress.get("total").asInt()).isEqualTo(5);
        assertThat(progress.get("percent").asInt()).isEqualTo(60);
        assertThat(progress.get("state").asText()).isEqualTo("running");
        assertThat(progress.get("done").asBoolean()).isFalse();
        assertThat(progress.get("perMinute").asDouble()).isPositive();
        assertThat(progress.get("estimatedSecondsLeft").asLong()).isPositive();
    }

    @Test void a_cancelled_batch_says_so_with_its_counts_and_no_full_bar() {
        long suite = createSuite("Login");
        for (int i = 1; i <= 4; i++) createCase(suite, "TC-00" + i, "Case " + i);
        String batch = http.post("/api/suites/" + suite + "/batches", null).json().get("id").asText();
        useCases.advance();

        http.post("/api/batches/" + batch + "/cancel", null);
        var english = getIn("en", "/api/batches/" + batch).json();
        var japanese = getIn("ja", "/api/batches/" + batch).json();

        assertThat(english.get("state").asText()).isEqualTo("cancelled");
        assertThat(english.get("done").asBoolean()).isTrue();
        assertThat(english.get("percent").asInt()).isEqualTo(25);
        assertThat(english.get("summary").asText()).startsWith("Cancelled").contains("1 generated").contains("3 not run");
        assertThat(japanese.get("summary").asText()).startsWith("取り消しました").contains("未実行 3 件");
        assertThat(english.get("estimatedSecondsLeft").isNull()).isTrue();
    }

    @Test void generate_selected_queues_what_it_can_and_names_the_rest() {
        long suite = createSuite("Login");
        var approved = generatedCase(suite, "TC-001");
        http.post("/api/test-cases/" + approved.get("id").asLong() + "/approve", "{\"version\":" + approved.get("version") + "}");
        long draft = createCase(suite, "TC-002", "Sign out").get("id").asLong();

        var answer = sendIn("ja", "POST", "/api/suites/" + suite + "/batches",
                "{\"testCaseIds\":[" + approved.get("id").asLong() + "," + draft + "]}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("size").asInt()).isEqualTo(1);
        assertThat(answer.json().get("skipped").get(0).get("key").asText()).isEqualTo("TC-001");
        assertThat(answer.json().get("skipped").get(0).get("status").asText()).isEqualTo("approved");
        assertThat(answer.json().get("skipped").get(0).get("statusName").asText()).isEqualTo("承認済み");
    }

    @Test void cancelling_stops_queued_jobs_and_returns_their_cases() {
        long suite = createSuite("Login");
        long first = createCase(suite, "TC-001", "Sign in").get("id").asLong();
        long second = createCase(suite, "TC-002", "Sign out").get("id").asLong();
        String batch = http.post("/api/suites/" + suite + "/batches", null).json().get("id").asText();
        useCases.advance();

        var answer = http.post("/api/batches/" + batch + "/cancel", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("cancelled").asBoolean()).isTrue();
        assertThat(answer.json().get("counts").get("cancelled").asInt()).isEqualTo(1);
        assertThat(answer.json().get("done").asBoolean()).isTrue();
        assertThat(http.get("/api/test-cases/" + first).json().get("status").asText()).isEqualTo("generated");
        assertThat(http.get("/api/test-cases/" + second).json().get("status").asText()).isEqualTo("draft");
    }

    @Test void the_event_stream_sends_progress_until_the_batch_ends_then_closes() throws Exception {
        long suite = createSuite("Login");
        for (int i = 1; i <= 3; i++) createCase(suite, "TC-00" + i, "Case " + i);
        String batch = http.post("/api/suites/" + suite + "/batches", null).json().get("id").asText();
        useCases.advanceOnProgress = true; // the "model" finishes one job each time progress is read

        HttpResponse<InputStream> response = http.client().send(http.request("/api/batches/" + batch + "/events")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        List<Event> events = readUntilClosed(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(events).extracting(Event::name).contains("progress").endsWith("end");
        List<Integer> succeeded = events.stream().map(e -> e.data().get("counts").get("succeeded").asInt()).toList();
        assertThat(succeeded).isSorted().contains(2, 3); // the existence check before the stream opens read 1
        assertThat(events.stream().filter(e -> e.name().equals("progress")).count()).isGreaterThanOrEqualTo(2);
        Event last = events.getLast();
        assertThat(last.data().get("done").asBoolean()).isTrue();
        assertThat(last.data().get("percent").asInt()).isEqualTo(100);
    }

    @Test void the_event_stream_needs_no_accept_header_as_with_curl_n() throws Exception {
        long suite = createSuite("Login");
        createCase(suite, "TC-001", "Case 1");
        String batch = http.post("/api/suites/" + suite + "/batches", null).json().get("id").asText();
        useCases.advanceOnProgress = true;

        HttpResponse<InputStream> response = http.client().send(http.request("/api/batches/" + batch + "/events")
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        List<Event> events = readUntilClosed(response.body());

        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(events).extracting(Event::name).endsWith("end");
    }

    @Test void the_event_stream_of_an_unknown_batch_is_a_404_error_body() {
        var answer = http.send(http.request("/api/batches/00000000-0000-0000-0000-000000000001/events")
                .header("Accept", "text/event-stream").GET());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("not_found");
    }

    record Event(String name, JsonNode data) {}

    private static List<Event> readUntilClosed(InputStream body) throws IOException {
        List<Event> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("event:")) name = line.substring(6).strip();
                else if (line.startsWith("data:")) data.append(line.substring(5).strip());
                else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(name, TestHttpServer.MAPPER.readTree(data.toString())));
                    name = "message";
                    data.setLength(0);
                }
            }
        }
        return events;
    }
}
