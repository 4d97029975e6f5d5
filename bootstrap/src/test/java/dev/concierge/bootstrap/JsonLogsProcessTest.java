package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole Concierge process started the way operators start it, with {@code LOG_FORMAT=json}, on the JDK running the
 * tests: everything it prints is JSON, stderr included. The JVM's own warnings (a library calling
 * {@code sun.misc.Unsafe} on JDK 24+, printed once per process) only show in a fresh process, never in the test JVM.
 */
class JsonLogsProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STDOUT = new CopyOnWriteArrayList<>();
    private static String stderr;
    private static TestDatabase database;

    @BeforeAll static void startAndStopConcierge() throws Exception {
        database = TestDatabase.empty();
        String java = ProcessHandle.current().info().command().orElseThrow();
        var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
        var env = builder.environment();
        env.put("LOG_FORMAT", "json");
        env.put("PORT", "0");
        env.put("HOST", "127.0.0.1");
        env.put("DATABASE_URL", database.jdbcUrl());
        env.put("DATABASE_USER", database.user());
        env.put("OLLAMA_BASE_URL", "http://127.0.0.1:9");
        env.put("SHUTDOWN_DRAIN_SECONDS", "1");
        Process process = builder.start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(stderr unreadable: " + e + ")";
            }
        });
        CountDownLatch started = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    STDOUT.add(line);
                    if (line.contains("Concierge started")) started.countDown();
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        try {
            assertThat(started.await(180, TimeUnit.SECONDS)).as("Concierge started; its output: %s", STDOUT).isTrue();
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook logs the stop, in JSON too
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
        stderr = errors.get(10, TimeUnit.SECONDS);
    }

    @AfterAll static void dropDatabase() {
        if (database != null) database.close();
    }

    @Test void stderr_stays_empty() {
        assertThat(stderr).isEmpty();
    }

    @Test void every_stdout_line_is_a_json_object() throws Exception {
        assertThat(STDOUT).isNotEmpty();
        for (String line : STDOUT.stream().filter(l -> !l.isBlank()).toList()) {
            assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
        }
    }
}
