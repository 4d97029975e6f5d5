package dev.concierge.adapter.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * langchain4j's HTTP transport with blocking I/O on the calling thread, for a model server next to the app (Ollama).
 * A call writes its request and reads the answer on the thread that asked, so each streamed token wakes that one thread.
 * The JDK's asynchronous client hands a request and every chunk of its answer between its selector thread, its executor
 * and the reading thread: 1.1 ms before the request left and 0.8 ms before the first token reached the reader, against
 * the simulated model's 40 ms to first token (bench/README.md, chat).
 * <p>
 * Streaming calls return when the stream has ended, with every event delivered; a stream that goes silent for the read
 * timeout fails with the JDK's {@link SocketTimeoutException}. Connections are kept alive by the JDK's {@link HttpURLConnection}.
 * Like it, this sends a request once more on a fresh connection when the first attempt fails before any answer arrived
 * ({@code sun.net.http.retryPost}, on by default): a kept connection the server had closed is the usual cause, a model
 * server that crashed mid-request the rare one, where the second attempt fails as the first did.
 */
public final class BlockingHttpClient implements HttpClient {
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private BlockingHttpClient(Builder builder) {
        this.connectTimeout = Objects.requireNonNullElse(builder.connectTimeout, Duration.ofSeconds(10));
        this.readTimeout = Objects.requireNonNullElse(builder.readTimeout, Duration.ofSeconds(60));
    }

    public static Builder builder() { return new Builder(); }

    @Override public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpURLConnection connection = open(request);
        try {
            int status = connection.getResponseCode();
            if (status < 200 || status > 299) throw new HttpException(status, errorBody(connection));
            try (InputStream body = connection.getInputStream()) {
                return response(connection, status).body(body.readAllBytes()).build();
            }
        } catch (SocketTimeoutException e) {
            connection.disconnect();
            throw new TimeoutException(e);
        } catch (IOException e) {
            connection.disconnect();
            throw new RuntimeException(e);
        }
    }

    @Override public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpURLConnection connection;
        int status;
        try {
            connection = open(request);
            status = connection.getResponseCode();
        } catch (RuntimeException e) {
            quietly(() -> listener.onError(e));
            return;
        } catch (IOException e) {
            quietly(() -> listener.onError(e));
            return;
        }
        if (status < 200 || status > 299) {
            HttpException rejected = new HttpException(status, errorBody(connection));
            quietly(() -> listener.onError(rejected));
            return;
        }
        quietly(() -> listener.onOpen(response(connection, status).build()));
        try (InputStream body = connection.getInputStream()) {
            // The parser reports a broken stream to the listener itself; a silent one breaks at the read timeout.
            parser.parse(body, listener);
            quietly(listener::onClose);
        } catch (IOException e) {
            connection.disconnect();
            quietly(() -> listener.onError(e));
        }
    }

    /** Connects, then sends the request with its whole body (so it can be sent again if a kept connection was closed). */
    private HttpURLConnection open(HttpRequest request) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) URI.create(request.url()).toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            throw new RuntimeException(e);
        }
        connection.setConnectTimeout(millis(connectTimeout));
        connection.setReadTimeout(millis(readTimeout));
        connection.setUseCaches(false);
        try {
            connection.setRequestMethod(request.method().name());
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        request.headers().forEach((name, values) -> values.forEach(value -> connection.addRequestProperty(name, value)));
        connection.setDoOutput(request.body() != null);
        try {
            connection.connect();
        } catch (SocketTimeoutException e) {
            // Nothing answered the connection attempt in time: as unreachable as a refused one, not a slow model.
            throw new RuntimeException(new ConnectException("Connecting to " + request.url() + " timed out"));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        if (request.body() != null) {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(request.body().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                connection.disconnect();
                throw new RuntimeException(e);
            }
        }
        return connection;
    }

    private static SuccessfulHttpResponse.Builder response(HttpURLConnection connection, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        connection.getHeaderFields().forEach((name, values) -> { if (name != null) headers.put(name, values); }); // null: the status line
        return SuccessfulHttpResponse.builder().statusCode(status).headers(headers);
    }

    private static String errorBody(HttpURLConnection connection) {
        try (InputStream error = connection.getErrorStream()) {
            return error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    /** A listener's own failure must not stop the call from ending cleanly, as with langchain4j's own clients. */
    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // the listener's business
        }
    }

    public static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override public Duration connectTimeout() { return connectTimeout; }

        @Override public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override public Duration readTimeout() { return readTimeout; }

        @Override public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override public BlockingHttpClient build() { return new BlockingHttpClient(this); }
    }
}
