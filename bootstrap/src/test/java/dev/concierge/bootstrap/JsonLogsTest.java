package dev.concierge.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.identity.AlbTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production JSON log configuration (logback-json.xml) over a real app in ALB mode: one JSON object per line with
 * the access fields operators search by, and no secret or token anywhere in the output, even when requests fail.
 */
class JsonLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAI_KEY = "sk-test-DO-NOT-LOG-0123456789abcdef";
    private static final String DATABASE_PASSWORD = "pw-DO-NOT-LOG-42";
    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static PrintStream originalOut;
    private static AlbTokens alb;
    private static String token;
    private static List<String> lines;

    @BeforeAll static void runTheAppWithJsonLogs() throws Exception {
        LoggerFactory.getILoggerFactory(); // logback's own start-up notes go to the real stdout, not into the capture
        originalOut = System.out;
        System.setOut(new PrintStream(CAPTURED, true, StandardCharsets.UTF_8));
        configure("logback-json.xml");
        alb = new AlbTokens();
        token = alb.token("alice", List.of("qa"));
        try (RunningApp running = RunningApp.start(Map.of("LOG_FORMAT", "json", "ACCESS_LOG", "all", "OPENAI_API_KEY", OPENAI_KEY,
                "DATABASE_PASSWORD", DATABASE_PASSWORD, "AUTH_MODE", "alb", "ALB_SIGNER_ARN", AlbTokens.SIGNER,
                "ALB_PUBLIC_KEY_URL", alb.keyUrl().toString()))) {
            send(running, token, "GET", "/api/favourites?limit=5", null, "trace-me-1");
            send(running, token, "POST", "/api/favourites", "{\"type\":\"quote\",\"content\":\"logged?\",\"bad\":1}", null);
            send(running, token, "GET", "/api/favourites/999999", null, null);
            send(running, alb.tampered("alice", "mallory"), "GET", "/api/favourites", null, null);
            send(running, alb.expired("alice"), "GET", "/favourites", null, null);
            send(running, token + "x", "GET", "/api/quotes", null, null);
        } finally {
            System.out.flush();
            System.setOut(originalOut);
            configure("logback-test.xml");
            alb.close();
        }
        lines = CAPTURED.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    @AfterAll static void restore() { System.setOut(originalOut); }

    @Test void every_line_is_one_json_object_with_timestamp_level_logger_and_message() throws Exception {
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.has("timestamp") && entry.has("level") && entry.has("logger") && entry.has("message")).as(line).isTrue();
        }
    }

    @Test void access_lines_carry_request_id_user_route_status_and_latency() throws Exception {
        JsonNode access = null;
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            if (entry.path("logger").asText().equals("concierge.access") && entry.path("requestId").asText().equals("trace-me-1")) access = entry;
        }

        assertThat(access).as("the access line of the request sent with X-Request-Id trace-me-1").isNotNull();
        assertThat(access.path("user").asText()).isEqualTo("alice");
        assertThat(access.path("route").asText()).isEqualTo("/api/favourites");
        assertThat(access.path("status").asText()).isEqualTo("200");
        assertThat(access.path("latencyMs").asText()).isNotBlank();
    }

    @Test void no_secret_or_identity_token_appears_in_the_log() {
        String log = String.join("\n", lines);
        String signature = token.substring(token.lastIndexOf('.') + 1);

        assertThat(log).doesNotContain(OPENAI_KEY).doesNotContain(DATABASE_PASSWORD).doesNotContain(token)
                .doesNotContain(signature).doesNotContain(token.substring(0, token.indexOf('.')));
    }

    private static void send(RunningApp running, String token, String method, String path, String body, String requestId) {
        var request = HttpRequest.newBuilder(URI.create(running.base() + path)).header("x-amzn-oidc-data", token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (requestId != null) request.header("X-Request-Id", requestId);
        running.send(request);
    }

    private static void configure(String resource) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(JsonLogsTest.class.getClassLoader().getResource(resource));
    }
}
