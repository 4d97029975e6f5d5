package dev.concierge.adapter.http;

import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server does for every route, shown on dummy routes over real HTTP: LLM routes' per-user rate and
 * per-instance concurrency limits, and latency metrics per route template.
 */
class HttpServerPlatformTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch proceed = new CountDownLatch(1);
    private final CountDownLatch waiting = new CountDownLatch(LONG_REQUESTS);
    private HttpServer server;
    private static final int LONG_REQUESTS = 12;

    /** Dummy routes: an LLM route, a slow LLM route, a failing LLM route, and an ordinary one. */
    private final RouteGroup dummy = new RouteGroup() {
        @Override public void register(RoutesConfig routes) {
            routes.post("/api/things/{id}/ask", ctx -> ctx.json(List.of("answer")), LlmRoutes.ROLE);
            routes.post("/api/things/{id}/ponder", ctx -> {
                entered.countDown();
                proceed.await(30, TimeUnit.SECONDS);
                ctx.json(List.of("pondered"));
            }, LlmRoutes.ROLE);
            routes.post("/api/things/{id}/fail", ctx -> {
                throw new IllegalStateException("model exploded");
            }, LlmRoutes.ROLE);
            routes.get("/api/things/{id}", ctx -> ctx.json(List.of(ctx.pathParam("id"))));
            routes.post("/api/things/{id}/wait", LongRunning.handler(ctx -> {
                waiting.countDown();
                proceed.await(30, TimeUnit.SECONDS);
                ctx.json(List.of("waited"));
            }));
            routes.post("/api/things/{id}/fail-later", LongRunning.handler(ctx -> {
                throw new IllegalStateException("model exploded later");
            }), LlmRoutes.ROLE);
        }
    };

    /** The caller is whoever X-Test-User names. */
    private final CurrentUser currentUser = ctx -> new Actor(new UserId(ctx.header("X-Test-User") == null ? "anon"
            : ctx.header("X-Test-User")), Set.of());

    private void start(int perMinute, int concurrent) { start(perMinute, concurrent, HttpServer.Config.DEFAULT_THREADS); }

    private void start(int perMinute, int concurrent, int threads) {
        server = new HttpServer(new HttpServer.Config("127.0.0.1", 0, threads, Duration.ofSeconds(1), HttpServer.AccessLog.FAILURES), Json.mapper(), Set.of(dummy),
                new ErrorMapping((ctx, status, message) -> ctx.status(status).result(message)), new CrossOriginProtection(),
                currentUser, meters, new LlmRoutes(new LlmRoutes.Limits(perMinute, concurrent))).start();
    }

    @AfterEach void stop() {
        proceed.countDown();
        if (server != null) server.stop();
    }

    @Test void an_llm_route_answers_429_with_retry_after_once_a_user_used_their_calls_for_the_minute() {
        start(2, 10);

        assertThat(post("alice", "/api/things/1/ask").statusCode()).isEqualTo(200);
        assertThat(post("alice", "/api/things/2/ask").statusCode()).isEqualTo(200);
        HttpResponse<String> third = post("alice", "/api/things/3/ask");

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("\"code\":\"rate_limited\"", "You have started 2 AI requests in the last minute, the most allowed. Try again in");
        assertThat(Integer.parseInt(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(post("bob", "/api/things/1/ask").statusCode()).as("another user has their own calls").isEqualTo(200);
    }

    @Test void routes_without_the_role_are_never_limited() {
        start(1, 1);

        for (int i = 0; i < 5; i++) assertThat(get("alice", "/api/things/" + i).statusCode()).isEqualTo(200);
    }

    @Test void calls_over_the_instance_cap_answer_503_with_retry_after_until_one_finishes() throws Exception {
        start(100, 1);
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> post("carol", "/api/things/1/ponder"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> refused = post("dave", "/api/things/1/ask");
        proceed.countDown();

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("\"code\":\"llm_busy\"");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(post("dave", "/api/things/1/ask").statusCode()).as("the slot came back").isEqualTo(200);
    }

    @Test void a_failing_llm_call_gives_its_slot_back() {
        start(100, 1);

        assertThat(post("erin", "/api/things/1/fail").statusCode()).isEqualTo(500);
        assertThat(post("erin", "/api/things/1/ask").statusCode()).isEqualTo(200);
    }

    @Test void long_running_requests_wait_outside_the_server_threads_so_short_ones_are_still_served() throws Exception {
        start(100, 100, 4);
        List<CompletableFuture<HttpResponse<String>>> waiters = new java.util.ArrayList<>();
        for (int i = 0; i < LONG_REQUESTS; i++) {
            int id = i;
            waiters.add(CompletableFuture.supplyAsync(() -> post("frank", "/api/things/" + id + "/wait")));
        }

        assertThat(waiting.await(10, TimeUnit.SECONDS)).as("all %d wait at once on a server of 4 threads", LONG_REQUESTS).isTrue();
        assertThat(get("grace", "/api/things/7").body()).isEqualTo("[\"7\"]");
        proceed.countDown();
        for (var waiter : waiters) assertThat(waiter.get(10, TimeUnit.SECONDS).body()).isEqualTo("[\"waited\"]");
    }

    @Test void a_long_running_request_that_fails_gets_the_error_mapping_and_gives_its_llm_slot_back() {
        start(100, 1);

        HttpResponse<String> failed = post("heidi", "/api/things/1/fail-later");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("model exploded later").doesNotContain("at dev.concierge");
        assertThat(post("heidi", "/api/things/1/ask").statusCode()).isEqualTo(200);
    }

    @Test void latency_is_recorded_per_route_template_not_per_raw_path() {
        start(100, 10);

        get("alice", "/api/things/1");
        get("alice", "/api/things/2");
        get("alice", "/api/no-such-thing/42");

        assertThat(meters.get("http.server.requests").tag("route", "/api/things/{id}").tag("status", "200").timer().count()).isEqualTo(2);
        assertThat(meters.find("http.server.requests").tag("route", "/api/things/1").timer()).isNull();
        assertThat(meters.get("http.server.requests").tag("route", "unmatched").timer().count()).isEqualTo(1);
    }

    private HttpResponse<String> post(String user, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-Test-User", user).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> get(String user, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-Test-User", user).GET());
    }

    private URI uri(String path) { return URI.create("http://127.0.0.1:" + server.port() + path); }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
