package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL stops under a running app: the API answers 503 database_unavailable, and recovers by itself when it returns. */
class DatabaseOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test void the_api_answers_503_while_the_database_is_down_and_recovers_when_it_returns(@TempDir Path data) throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = start(data, port);
        try (RunningApp running = RunningApp.start(Map.of(
                "DATABASE_URL", "jdbc:postgresql://localhost:" + port + "/postgres", "DATABASE_USER", "postgres"))) {
            long id = JSON.readTree(running.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"Survives an outage\"}").body())
                    .get("id").asLong();

            postgres.close();
            HttpResponse<String> duringOutage = running.get("/api/favourites/" + id);
            HttpResponse<String> healthDuringOutage = running.get("/health");

            postgres = start(data, port);
            HttpResponse<String> after = awaitStatus(running, "/api/favourites/" + id, 200);

            ApiAssertions.assertError(duringOutage, 503, "database_unavailable");
            assertThat(duringOutage.headers().firstValue("Retry-After")).isPresent();
            assertThat(healthDuringOutage.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(after.body()).get("content").asText()).isEqualTo("Survives an outage");
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false).setPort(port).start();
    }

    /** Polls until the path answers {@code status}: the pool reconnects on its own, nobody restarts the app. */
    private static HttpResponse<String> awaitStatus(RunningApp running, String path, int status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> response = running.get(path);
        while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            response = running.get(path);
        }
        return response;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
