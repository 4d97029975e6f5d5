package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.bootstrap.RunningApp;
import dev.concierge.bootstrap.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue metric scaling reads: a CloudWatch Embedded Metric Format document, one line, on stdout. */
class CloudWatchQueueMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    @Test void the_line_is_an_emf_document_with_the_queue_after_jobs_are_queued() throws Exception {
        try (LlmWireFixture llm = LlmWireFixture.start();
             RunningApp web = RunningApp.start(Map.of("ROLE", "web", "OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString()))) {
            long suite = JSON.readTree(web.post("/api/suites", "{\"name\":\"Backlog\"}").body()).get("id").asLong();
            web.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-1\",\"title\":\"One\"}");
            web.post("/api/suites/" + suite + "/test-cases", "{\"key\":\"TC-2\",\"title\":\"Two\"}");
            assertThat(web.post("/api/suites/" + suite + "/batches", null).statusCode()).isEqualTo(201);
            List<String> printed = new ArrayList<>();
            var metrics = new CloudWatchQueueMetrics(web.app.injector().getInstance(GenerationQueueMetrics.class),
                    new Settings.QueueMetrics("Concierge/test", Duration.ofSeconds(60)), Clock.fixed(NOW, ZoneOffset.UTC), printed::add);

            metrics.publish();

            assertThat(printed).hasSize(1);
            String line = printed.getFirst();
            assertThat(line).doesNotContain("\n").startsWith("{").endsWith("}");
            JsonNode document = JSON.readTree(line);
            JsonNode aws = document.get("_aws");
            assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
            assertThat(aws.get("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
            assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
            JsonNode directive = aws.get("CloudWatchMetrics").get(0);
            assertThat(directive.get("Namespace").asText()).isEqualTo("Concierge/test");
            assertThat(directive.get("Dimensions").toString()).isEqualTo("[[]]");
            assertThat(directive.get("Metrics").toString()).isEqualTo("[{\"Name\":\"GenerationJobsQueued\",\"Unit\":\"Count\"},"
                    + "{\"Name\":\"GenerationJobsRunning\",\"Unit\":\"Count\"},{\"Name\":\"GenerationQueueOldestAgeSeconds\",\"Unit\":\"Seconds\"}]");
            // Every metric the directive names is a number on the root, as the specification requires of target members.
            for (JsonNode metric : directive.get("Metrics")) assertThat(document.get(metric.get("Name").asText()).isNumber()).isTrue();
            assertThat(document.get("GenerationJobsQueued").asInt()).isEqualTo(2);
            assertThat(document.get("GenerationJobsRunning").asInt()).isZero();
            assertThat(document.get("GenerationQueueOldestAgeSeconds").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(document.size()).as("nothing but _aws and the three metrics").isEqualTo(4);
        }
    }

    @Test void nothing_is_printed_while_the_queue_cannot_be_read() throws Exception {
        RunningApp web = RunningApp.start(Map.of("ROLE", "web"));
        GenerationQueueMetrics queue = web.app.injector().getInstance(GenerationQueueMetrics.class);
        web.close(); // the pool is closed: every read fails
        List<String> printed = new ArrayList<>();
        var metrics = new CloudWatchQueueMetrics(queue, new Settings.QueueMetrics("Concierge/test", Duration.ofSeconds(60)),
                Clock.systemUTC(), printed::add);

        metrics.publish();

        assertThat(metrics.line()).isEqualTo(Optional.empty());
        assertThat(printed).isEmpty();
    }

    @Test void an_instance_with_a_namespace_prints_the_line_to_standard_output() throws Exception {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (RunningApp worker = RunningApp.start(Map.of("ROLE", "worker", "QUEUE_METRICS_NAMESPACE", "Concierge/dev",
                "QUEUE_METRICS_INTERVAL_SECONDS", "1"))) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            Optional<String> line = Optional.empty();
            while (line.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                line = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{\"_aws\"")).findFirst();
            }
            assertThat(line).as("an EMF line on stdout").isPresent();
            JsonNode document = JSON.readTree(line.get());
            assertThat(document.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Concierge/dev");
            assertThat(document.get("GenerationJobsQueued").asInt()).isZero();
        } finally {
            System.setOut(original);
        }
    }
}
