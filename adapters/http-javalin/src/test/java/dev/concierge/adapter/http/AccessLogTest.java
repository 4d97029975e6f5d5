package dev.concierge.adapter.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests get a line in {@code concierge.access}, per {@link HttpServer.AccessLog}, over real HTTP. */
class AccessLogTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final Logger access = (Logger) LoggerFactory.getLogger("concierge.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level levelBefore;
    private HttpServer server;

    private final RouteGroup things = routes -> {
        routes.get("/api/things/{id}", ctx -> ctx.json(List.of(ctx.pathParam("id"))));
        routes.get("/api/broken", ctx -> { throw new IllegalStateException("broken"); });
    };

    @BeforeEach void capture() {
        levelBefore = access.getLevel();
        access.setLevel(Level.INFO);
        lines.start();
        access.addAppender(lines);
    }

    @AfterEach void restore() {
        if (server != null) server.stop();
        access.detachAppender(lines);
        access.setLevel(levelBefore);
    }

    @Test void failures_logs_client_and_server_errors_but_not_successes() {
        start(HttpServer.AccessLog.FAILURES);

        assertThat(get("/api/things/1")).isEqualTo(200);
        assertThat(get("/api/no-such-thing")).isEqualTo(404);
        assertThat(get("/api/broken")).isEqualTo(500);

        assertThat(logged()).containsExactly("GET /api/no-such-thing 404", "GET /api/broken 500");
    }

    @Test void all_logs_every_request_with_its_route_status_and_latency() {
        start(HttpServer.AccessLog.ALL);

        get("/api/things/1");
        get("/api/no-such-thing");

        assertThat(logged()).containsExactly("GET /api/things/1 200", "GET /api/no-such-thing 404");
        assertThat(lines.list.getFirst().getMDCPropertyMap())
                .containsEntry("route", "/api/things/{id}").containsEntry("status", "200").containsKey("latencyMs");
    }

    @Test void off_logs_nothing() {
        start(HttpServer.AccessLog.OFF);

        get("/api/things/1");
        get("/api/broken");

        assertThat(lines.list).isEmpty();
    }

    /** Each line's method, path and status; the latency varies. */
    private List<String> logged() {
        return lines.list.stream().map(line -> line.getFormattedMessage().replaceFirst(" [0-9.]+ms$", "")).toList();
    }

    private void start(HttpServer.AccessLog mode) {
        server = new HttpServer(new HttpServer.Config("127.0.0.1", 0, HttpServer.Config.DEFAULT_THREADS, Duration.ofSeconds(1), mode),
                Json.mapper(), Set.of(things), new ErrorMapping((ctx, status, message) -> ctx.status(status).result(message)),
                new CrossOriginProtection(), ctx -> new Actor(new UserId("alice"), Set.of()), new SimpleMeterRegistry(),
                new LlmRoutes(LlmRoutes.Limits.defaults())).start();
    }

    private int get(String path) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(15)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
