package dev.concierge.bootstrap;

import dev.concierge.adapter.persistence.TestDatabase;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** A real Concierge on a random port over its own fresh database, plus a small HTTP client for tests. */
public final class RunningApp implements AutoCloseable {
    private final TestDatabase database; // null when the app runs its own embedded server
    private final boolean ownsDatabase;
    public final Application app;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningApp(TestDatabase database, Application app) { this(database, app, true); }

    private RunningApp(TestDatabase database, Application app, boolean ownsDatabase) {
        this.database = database;
        this.app = app;
        this.ownsDatabase = ownsDatabase;
    }

    /** Over a database the caller owns (and closes), e.g. to run a web and a worker instance on one queue. */
    public static RunningApp on(TestDatabase database, Map<String, String> extraSettings) {
        return new RunningApp(database, Application.start(Settings.from(environment(database, extraSettings))), false);
    }

    public static RunningApp start() { return start(Map.of()); }

    /** On embedded defaults: no DATABASE_URL, data under {@code dataDirectory}. */
    public static RunningApp embedded(java.nio.file.Path dataDirectory) {
        return new RunningApp(null, Application.start(Settings.from(Map.of("PORT", "0", "HOST", "127.0.0.1",
                "DATA_DIR", dataDirectory.toString(), "OLLAMA_BASE_URL", "http://127.0.0.1:9", "SHUTDOWN_DRAIN_SECONDS", "1"))));
    }

    public static RunningApp start(Map<String, String> extraSettings) {
        TestDatabase database = TestDatabase.empty();
        try {
            return new RunningApp(database, Application.start(Settings.from(environment(database, extraSettings))));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Map<String, String> environment(TestDatabase database, Map<String, String> extraSettings) {
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", "0",
                "HOST", "127.0.0.1",
                "DATABASE_URL", database.jdbcUrl(),
                "DATABASE_USER", database.user(),
                "OLLAMA_BASE_URL", "http://127.0.0.1:9", // nothing listens: the app must start anyway
                "SHUTDOWN_DRAIN_SECONDS", "1"));
        env.putAll(extraSettings);
        return env;
    }

    /** The app's own database (only for apps started over a test database). */
    public TestDatabase database() {
        if (database == null) throw new IllegalStateException("this app runs its own embedded server");
        return database;
    }

    public String base() { return "http://127.0.0.1:" + app.port(); }

    public HttpResponse<String> get(String path) { return send(HttpRequest.newBuilder(URI.create(base() + path)).GET()); }

    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) { return send(HttpRequest.newBuilder(URI.create(base() + path)).DELETE()); }

    /** Any method, any body (null: none), sent as JSON. */
    public HttpResponse<String> request(String method, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override public void close() {
        app.close();
        if (database != null && ownsDatabase) database.close();
    }
}
