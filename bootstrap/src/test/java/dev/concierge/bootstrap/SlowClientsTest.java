package dev.concierge.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that announce a body and then send it slowly, or not at all (issue 23): twelve such uploads used to hold
 * every one of the server's {@code HTTP_THREADS}, and {@code /health} answered a minute later. Bodies are now read
 * without a thread and within {@code HTTP_BODY_TIMEOUT_SECONDS}.
 */
class SlowClientsTest {
    private static final int SLOW_UPLOADS = 40;
    private static RunningApp running;

    @BeforeAll static void start() {
        running = RunningApp.start(Map.of("HTTP_BODY_TIMEOUT_SECONDS", "3"));
    }

    @AfterAll static void stop() { running.close(); }

    @Test void health_and_a_list_answer_while_many_uploads_hold_their_bodies_back_and_those_end_408() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_UPLOADS; i++) slow.add(startUpload(i % 2 == 0));
            Thread.sleep(300); // let the server take every one of them in

            // A functional bound, not a benchmark: before the fix these waited for the body deadline of every upload.
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String path : List.of("/health", "/api/favourites?limit=5")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(running.base() + path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
            }
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/favourites"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"quote\",\"content\":\"Sent at once\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as("a whole body is still taken").isEqualTo(201);

            for (Socket socket : slow) {
                String answer = readAnswer(socket);
                assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"request_timeout\"");
            }
        } finally {
            for (Socket socket : slow) socket.close();
        }
    }

    @Test void a_body_larger_than_the_limit_is_refused_413_before_it_is_read() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", running.app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/favourites HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 413").contains("\"code\":\"payload_too_large\"");
        }
    }

    /** Announces a 100-byte JSON body (or a chunked one) and sends its first byte only. */
    private static Socket startUpload(boolean chunked) throws IOException {
        Socket socket = new Socket("127.0.0.1", running.app.port());
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        String framing = chunked ? "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n" : "Content-Length: 100\r\n\r\n{";
        out.write(("POST /api/favourites HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + framing)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Everything the server sends until it closes the connection or has sent its whole small answer. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        var answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (answer.indexOf("\r\n\r\n") > 0 && answer.toString().endsWith("}")) break;
        }
        return answer.toString();
    }
}
