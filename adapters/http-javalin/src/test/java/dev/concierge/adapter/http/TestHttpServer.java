package dev.concierge.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.web.NavigationEntry;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.adapter.http.web.WebRoutes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The real {@link HttpServer} on a random port with the given route groups and a fixed caller, plus a small JDK
 * HttpClient to talk to it. What a context's HTTP tests start from: real HTTP, real error mapping, real JSON.
 */
public final class TestHttpServer implements AutoCloseable {
    public static final ObjectMapper MAPPER = Json.mapper();

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private TestHttpServer(HttpServer server) {
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    /**
     * Starts a server with the home page, the OpenAPI document and the groups {@code routes} builds from the
     * shared pieces (caller, JSON mapper, page renderer).
     */
    public static TestHttpServer start(CurrentUser user, Collection<NavigationEntry> navigation,
                                       Function<Shared, List<RouteGroup>> routes) {
        ObjectMapper mapper = Json.mapper();
        PageRenderer renderer = new PageRenderer(navigation);
        WebRoutes web = new WebRoutes(renderer, user);
        Set<RouteGroup> groups = new LinkedHashSet<>(routes.apply(new Shared(user, mapper, renderer)));
        groups.add(web);
        Set<RouteGroup> all = new LinkedHashSet<>(groups);
        all.add(new OpenApiRoutes(mapper, HttpContext.all()));
        HttpServer server = new HttpServer(new HttpServer.Config("127.0.0.1", 0, Duration.ofSeconds(1)), mapper, all,
                new ErrorMapping(web), new CrossOriginProtection());
        return new TestHttpServer(server.start());
    }

    /** What route groups are built from. */
    public record Shared(CurrentUser user, ObjectMapper mapper, PageRenderer renderer) {}

    /** An answer, its body as text (for JSON and pages) and as bytes (for files). */
    public record Answer(int status, HttpResponse<byte[]> raw) {
        public String text() { return new String(raw.body(), StandardCharsets.UTF_8); }

        public byte[] bytes() { return raw.body(); }

        public JsonNode json() {
            try {
                return MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        public String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        /** The standard error body's code, failing loudly when the body is not the standard shape. */
        public String errorCode() {
            JsonNode error = json().path("error");
            if (!error.path("code").isTextual() || !error.path("message").isTextual() || !error.path("details").isArray()) {
                throw new AssertionError("not the standard error body: " + text());
            }
            return error.get("code").asText();
        }

        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("error").path("details").forEach(d -> fields.add(d.path("field").asText()));
            return fields;
        }

        @Override public String toString() { return status + " " + text(); }
    }

    public String base() { return base; }

    public HttpServer server() { return server; }

    public Answer get(String path) { return send(request(path).GET()); }

    public Answer post(String path, String json) { return send(json(request(path), json).method("POST", body(json))); }

    public Answer put(String path, String json) { return send(json(request(path), json).method("PUT", body(json))); }

    public Answer post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient client() { return client; }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String json) {
        return json == null ? request : request.header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    }

    @Override public void close() { server.stop(); }
}
