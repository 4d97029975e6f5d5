package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators see: Prometheus metrics, readiness, request ids. */
class OperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningApp running;

    @BeforeAll static void start() { running = RunningApp.start(); }

    @AfterAll static void stop() { running.close(); }

    @Test void metrics_show_request_latency_per_route_template_jvm_and_pool() throws Exception {
        long id = JSON.readTree(running.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"Measured " + System.nanoTime() + "\"}")
                .body()).get("id").asLong();
        running.get("/api/favourites/" + id);
        running.get("/api/favourites/999999");

        HttpResponse<String> metrics = running.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*route=\"/api/favourites/\\{id}\"[^}]*status=\"200\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/api/favourites/\\{id}\"[^}]*status=\"404\"")
                .doesNotContain("route=\"/api/favourites/" + id + "\"")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections");
    }

    @Test void readiness_reports_migrations_and_the_model_and_is_up() throws Exception {
        HttpResponse<String> ready = running.get("/health/ready");

        JsonNode body = JSON.readTree(ready.body());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(body.at("/components/migrations/status").asText()).isEqualTo("up");
        assertThat(body.at("/components/database/status").asText()).isEqualTo("up");
        assertThat(body.at("/components/llm/status").asText()).as("reported, never failing readiness").isEqualTo("down");
    }

    @Test void liveness_does_not_wait_for_readiness_indicators() throws Exception {
        JsonNode health = JSON.readTree(running.get("/health").body());

        assertThat(health.at("/components/migrations").isMissingNode()).isTrue();
    }

    @Test void a_callers_request_id_is_honoured_and_returned() {
        HttpResponse<String> response = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/quotes?limit=1"))
                .header("X-Request-Id", "req-123.abc"));

        assertThat(response.headers().firstValue("X-Request-Id")).contains("req-123.abc");
    }

    @Test void the_load_balancers_trace_id_serves_when_no_request_id_is_given() {
        String trace = "Root=1-67891233-abcdef012345678912345678";
        HttpResponse<String> response = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/quotes?limit=1"))
                .header("X-Amzn-Trace-Id", trace));

        assertThat(response.headers().firstValue("X-Request-Id")).contains(trace);
    }

    @Test void a_request_without_an_id_gets_a_fresh_one() {
        assertThat(running.get("/health").headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
    }
}
