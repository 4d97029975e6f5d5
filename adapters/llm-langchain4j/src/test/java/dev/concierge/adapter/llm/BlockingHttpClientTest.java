package dev.concierge.adapter.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The blocking transport against a real HTTP server: streaming, statuses, keep-alive, and how its failures read. */
class BlockingHttpClientTest {
    private final HttpServer server = start();
    private final List<String> clientPorts = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final BlockingHttpClient client = BlockingHttpClient.builder()
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(500)).build();

    @AfterEach void stop() {
        released.countDown();
        server.stop(0);
    }

    @Test void a_streamed_answer_reaches_the_listener_event_by_event_between_open_and_close() {
        Recording listener = new Recording();

        client.execute(post("/stream", "{\"q\":\"hello\"}"), new DefaultServerSentEventParser(), listener);

        assertThat(listener.events).containsExactly("open 200", "event echo {\"q\":\"hello\"}", "event 1", "event 2", "close");
    }

    @Test void a_request_not_streamed_answers_the_whole_body_or_throws_the_status_with_what_the_server_said() {
        SuccessfulHttpResponse ok = client.execute(post("/whole", "{}"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"answer\":\"whole\"}");

        HttpException refused = catchThrowableOfType(HttpException.class, () -> client.execute(post("/missing", "{}")));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.getMessage()).contains("not found, try pulling it first");
    }

    @Test void an_error_status_reaches_a_streaming_listener_with_the_status_and_body() {
        Recording listener = new Recording();

        client.execute(post("/missing", "{}"), new DefaultServerSentEventParser(), listener);

        assertThat(listener.events).isEmpty();
        assertThat(listener.error).isInstanceOfSatisfying(HttpException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.getMessage()).contains("not found");
        });
    }

    @Test void consecutive_calls_share_one_kept_alive_connection() {
        client.execute(post("/whole", "{}"));
        client.execute(post("/whole", "{}"));
        client.execute(post("/stream", "{}"), new DefaultServerSentEventParser(), new Recording());

        assertThat(clientPorts).hasSize(3).containsOnly(clientPorts.getFirst());
    }

    @Test void a_server_that_is_not_there_reads_as_unreachable() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url("http://127.0.0.1:" + port + "/api/chat").body("{}").build();
        Recording listener = new Recording();

        client.execute(request, new DefaultServerSentEventParser(), listener);
        RuntimeException blocking = catchThrowableOfType(RuntimeException.class, () -> client.execute(request));

        assertThat(LlmFailure.of(listener.error, config()).kind()).isEqualTo(LlmFailure.Kind.UNREACHABLE);
        assertThat(LlmFailure.of(blocking, config()).kind()).isEqualTo(LlmFailure.Kind.UNREACHABLE);
    }

    @Test void an_answer_that_stops_coming_fails_at_the_read_timeout_as_a_timeout() {
        Recording listener = new Recording();

        client.execute(post("/stall", "{}"), new DefaultServerSentEventParser(), listener);

        assertThat(listener.events).startsWith("open 200", "event 1");
        assertThat(listener.error).isNotNull();
        assertThat(LlmFailure.of(listener.error, config()).kind()).isEqualTo(LlmFailure.Kind.TIMED_OUT);
    }

    private LlmConfig config() {
        return new LlmConfig(LlmConfig.Provider.OLLAMA, java.net.URI.create(base()), "qwen2.5:7b", Optional.empty(),
                java.net.URI.create(base() + "/v1"), "gpt-4o-mini", Duration.ofMillis(500));
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.builder().method(HttpMethod.POST).url(base() + path).addHeader("Content-Type", "application/json")
                .body(body).build();
    }

    private String base() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.createContext("/", this::answer);
            http.start();
            return http;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        clientPorts.add(String.valueOf(exchange.getRemoteAddress().getPort()));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try (exchange) {
            switch (exchange.getRequestURI().getPath()) {
                case "/stream" -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    for (String data : List.of("echo " + body, "1", "2")) {
                        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
                case "/stall" -> {
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write("data: 1\n\n".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    awaitRelease();
                }
                case "/whole" -> send(exchange, 200, "{\"answer\":\"whole\"}");
                default -> send(exchange, 404, "{\"error\":\"model \\\"x\\\" not found, try pulling it first\"}");
            }
        } catch (IOException clientGone) {
            // the stalled answer's client timed out and left
        }
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static final class Recording implements ServerSentEventListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile Throwable error;

        @Override public void onOpen(SuccessfulHttpResponse response) { events.add("open " + response.statusCode()); }

        @Override public void onEvent(ServerSentEvent event) { events.add("event " + event.data()); }

        @Override public void onError(Throwable throwable) { error = throwable; }

        @Override public void onClose() { events.add("close"); }
    }
}
