package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.OtlpReceiver;
import dev.concierge.adapter.llm.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracing as deployed: the standard OTEL_* settings send the app's spans over OTLP/HTTP to a collector (here a local
 * receiver). A request's trace id is its request id; a generation job's model call is a GenAI span naming the job and
 * the test case. Without those settings nothing is traced.
 */
class TracingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test void requests_and_model_calls_are_exported_and_the_request_id_is_the_trace_id() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start(); OtlpReceiver collector = OtlpReceiver.start();
             RunningApp running = RunningApp.start(Map.of(
                     "OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(), "OLLAMA_MODEL", "llama3.2", "LLM_TIMEOUT_SECONDS", "10",
                     "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint().toString(),
                     "OTEL_BSP_SCHEDULE_DELAY", "100",
                     "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=test"))) {
            long suite = json(running.post("/api/suites", "{\"name\":\"Traced\"}")).get("id").asLong();
            long testCase = json(running.post("/api/suites/" + suite + "/test-cases",
                    "{\"key\":\"TC-1\",\"title\":\"Sign in\",\"expectedResult\":\"The dashboard is shown\"}")).get("id").asLong();

            HttpResponse<String> generate = running.post("/api/test-cases/" + testCase + "/generate", null);

            assertThat(generate.statusCode()).isEqualTo(201);
            String requestId = generate.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(requestId).matches("[0-9a-f]{32}");
            ReceivedSpan request = collector.await(span -> span.traceId().equals(requestId));
            assertThat(request.name()).isEqualTo("POST /api/test-cases/{id}/generate");
            assertThat(request.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
            assertThat(request.attributes()).containsEntry("http.response.status_code", "201")
                    .containsEntry("concierge.request_id", requestId);
            assertThat(request.resource()).containsEntry("service.name", "concierge").containsEntry("deployment.environment", "test");

            ReceivedSpan call = collector.await(span -> span.name().equals("chat llama3.2")
                    && Long.toString(testCase).equals(span.attribute("concierge.test_case.id")));
            assertThat(call.attributes()).containsEntry("gen_ai.operation.name", "chat").containsEntry("gen_ai.provider.name", "ollama")
                    .containsEntry("gen_ai.request.model", "llama3.2").containsKey("concierge.generation.job_id")
                    .containsKey("gen_ai.usage.input_tokens").containsKey("gen_ai.usage.output_tokens")
                    .doesNotContainKey("gen_ai.input.messages");
        }
    }

    @Test void without_otel_settings_nothing_is_traced_and_request_ids_stay_as_they_were() {
        assertThat(OpenTelemetryTracing.from(Map.of()).on()).isFalse();
        assertThat(OpenTelemetryTracing.from(Map.of("OTEL_TRACES_EXPORTER", "none")).on()).isFalse();
        assertThat(OpenTelemetryTracing.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9", "OTEL_SDK_DISABLED", "true")).on()).isFalse();
        try (RunningApp running = RunningApp.start()) {
            assertThat(running.get("/health").headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
