package dev.concierge.bootstrap.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.bootstrap.RunningApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generation queue under the failures PostgreSQL job queues are tested with (issue 23), on a real PostgreSQL
 * under a running app with three workers and a pool smaller than the work it is asked for: the database restarted
 * mid-batch, worker connections killed with {@code pg_terminate_backend} again and again, and the pool exhausted by
 * requests while the workers claim. Every scenario must end every case generated exactly once (one generated
 * revision each), long before a lease (60 s here) could expire: jobs a live worker held when its database went away
 * are handed back as soon as the database answers. A worker frozen past its lease and resumed, and repeated kill -9
 * of the app, need app processes: {@link PausedAndKilledWorkersTest} (and {@link GenerationCrashTest}); a long-open
 * transaction holding back vacuum: {@code QueueUnderHeldBackVacuumTest}.
 */
class QueueFailureSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** Far below the lease: a job left leased to a live worker would blow it. */
    private static final Duration BOUND = Duration.ofSeconds(40);

    private static Path data;
    private static int port;
    private static EmbeddedPostgres postgres;
    private static LlmWireFixture llm;
    private static RunningApp running;

    @BeforeAll static void start() throws Exception {
        data = Files.createTempDirectory("queue-failures");
        port = freePort();
        postgres = startPostgres();
        llm = LlmWireFixture.start().firstTokenDelay(Duration.ofMillis(150));
        running = RunningApp.start(Map.of(
                "DATABASE_URL", "jdbc:postgresql://localhost:" + port + "/postgres", "DATABASE_USER", "postgres",
                "DATABASE_POOL_SIZE", "3",
                "OLLAMA_BASE_URL", llm.ollamaBaseUrl().toString(),
                "LLM_TIMEOUT_SECONDS", "20",
                "GENERATION_CONCURRENCY", "3",
                "GENERATION_POLL_MILLIS", "100",
                "GENERATION_LEASE_SECONDS", Long.toString(LEASE.toSeconds())));
    }

    @AfterAll static void stop() throws Exception {
        if (running != null) running.close();
        if (llm != null) llm.close();
        if (postgres != null) postgres.close();
    }

    @Test void a_database_restart_mid_batch_ends_every_case_generated_once_without_waiting_for_leases() throws Exception {
        Batch batch = startBatch("restart", 30);
        await(batch, p -> p.path("counts").path("succeeded").asInt() >= 5, BOUND);

        Instant down = Instant.now();
        postgres.close();
        Thread.sleep(3_000); // jobs in flight finish their model call and fail to record it
        postgres = startPostgres();

        JsonNode done = await(batch, p -> p.path("done").asBoolean(), BOUND);
        assertExactlyOnce(batch, done);
        assertThat(Duration.between(down, Instant.now())).as("finished long before a held lease could expire").isLessThan(LEASE);
    }

    @Test void worker_connections_killed_again_and_again_end_every_case_generated_once() throws Exception {
        Batch batch = startBatch("terminate", 30);
        await(batch, p -> p.path("counts").path("succeeded").asInt() >= 3, BOUND);

        int killed = 0;
        for (int round = 0; round < 6; round++) {
            killed += terminateAppConnections();
            Thread.sleep(400);
        }

        JsonNode done = await(batch, p -> p.path("done").asBoolean(), BOUND);
        assertThat(killed).as("connections terminated").isPositive();
        assertExactlyOnce(batch, done);
    }

    @Test void a_pool_exhausted_by_requests_while_workers_claim_ends_every_case_generated_once() throws Exception {
        Batch batch = startBatch("pool", 30);
        AtomicBoolean hammering = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                pool.submit(() -> {
                    while (hammering.get()) {
                        int status = running.get("/api/suites/" + batch.suite() + "/test-cases?limit=50").statusCode();
                        (status == 200 ? served : failed).incrementAndGet();
                    }
                });
            }
            JsonNode done = await(batch, p -> p.path("done").asBoolean(), BOUND);
            hammering.set(false);
            assertExactlyOnce(batch, done);
        }
        assertThat(served).as("requests served meanwhile").hasPositiveValue();
        assertThat(failed).as("requests refused (503 when the pool stays busy past its timeout)").hasValueLessThan(served.get());
    }

    // ---- a batch through the API

    record Batch(long suite, String id, int size) {}

    private static Batch startBatch(String name, int cases) throws Exception {
        long suite = JSON.readTree(running.post("/api/suites", "{\"name\":\"" + name + "\"}").body()).get("id").asLong();
        StringBuilder csv = new StringBuilder("key,title,expected result\n");
        for (int i = 1; i <= cases; i++) csv.append("TC-").append(i).append(",Case ").append(i).append(" signs in,Signed in\n");
        var imported = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/suites/" + suite + "/imports"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        var started = running.post("/api/suites/" + suite + "/batches", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return new Batch(suite, JSON.readTree(started.body()).get("id").asText(), cases);
    }

    /** Polls the batch's progress through the API until {@code reached}; through an outage it answers 503 meanwhile. */
    private static JsonNode await(Batch batch, Predicate<JsonNode> reached, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            var answer = running.get("/api/batches/" + batch.id());
            if (answer.statusCode() == 200) {
                last = JSON.readTree(answer.body());
                if (reached.test(last)) return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + batch.id() + " not there within " + within.toSeconds() + " s: " + last);
    }

    /** Every job succeeded, and every case of the suite has exactly one revision, the generated one. */
    private static void assertExactlyOnce(Batch batch, JsonNode done) throws SQLException {
        assertThat(done.path("counts").path("succeeded").asInt()).as(done.toString()).isEqualTo(batch.size());
        try (Connection c = connect()) {
            GeneratedOnce.assertEveryCaseOnce(c, batch.suite(), batch.size());
        }
    }

    private static int terminateAppConnections() throws SQLException {
        try (Connection c = connect(); var statement = c.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE application_name = 'concierge' AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?ApplicationName=queue-failure-suite", "postgres", "");
    }

    private static EmbeddedPostgres startPostgres() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
