package dev.concierge.rehearsal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image's start-up as the Dockerfile builds it: {@code scripts/train-aot-cache} writes the JDK's ahead-of-time
 * cache with one training start, and a start with the image's {@code JAVA_OPTS} uses it. A cache the JVM cannot use
 * (stale, missing, trained with other flags) is reported on the output, so the JSON log of a start that used it holds
 * nothing but JSON.
 */
class ImageAotCacheTest {
    private static final Path ROOT = Path.of(System.getProperty("concierge.jar", "../bootstrap/target/concierge.jar"))
            .toAbsolutePath().normalize().getParent().getParent().getParent();

    @Test void a_start_with_the_image_flags_uses_the_cache_the_training_script_wrote(@TempDir Path dir) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");
        Path jar = ROOT.resolve("bootstrap/target/concierge.jar");
        assertThat(jar).as("the runnable jar, built by bootstrap earlier in the reactor").exists();
        Path cache = dir.resolve("concierge.aot");
        List<String> flags = imageFlags(cache);
        String javaHome = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent().toString();

        List<String> training = new ArrayList<>(List.of("bash", ROOT.resolve("scripts/train-aot-cache").toString(), jar.toString(), cache.toString()));
        training.addAll(flags);
        ProcessBuilder trainer = new ProcessBuilder(training).redirectErrorStream(true).redirectOutput(dir.resolve("training.log").toFile());
        trainer.environment().put("JAVA_HOME", javaHome);
        trainer.environment().put("AOT_TRAINING_PORT", String.valueOf(ConciergeJar.freePort()));
        Process trained = trainer.start();
        assertThat(trained.waitFor(5, TimeUnit.MINUTES)).as("training finished").isTrue();
        assertThat(trained.exitValue()).as(Files.readString(dir.resolve("training.log"))).isZero();
        assertThat(cache).isNotEmptyFile();

        int port = ConciergeJar.freePort();
        List<String> command = new ArrayList<>(List.of(javaHome + "/bin/java"));
        command.addAll(flags);
        command.addAll(List.of("-jar", jar.toString()));
        Path log = dir.resolve("start.log");
        ProcessBuilder starter = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        starter.environment().clear();
        starter.environment().putAll(java.util.Map.of("PORT", String.valueOf(port), "DATA_DIR", dir.resolve("data").toString(),
                "LOG_FORMAT", "json", "OLLAMA_BASE_URL", "http://127.0.0.1:9", "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
        Process app = starter.start();
        try {
            assertThat(healthy(port, app)).as("GET /health 200; output:\n%s", tail(log)).isTrue();
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) app.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).as("a JSON log line").startsWith("{"));
    }

    /** The Dockerfile's JAVA_OPTS, with the cache at {@code cache} instead of the image's /app. */
    private static List<String> imageFlags(Path cache) throws Exception {
        Matcher options = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(Files.readString(ROOT.resolve("Dockerfile")));
        assertThat(options.find()).as("JAVA_OPTS in the Dockerfile").isTrue();
        List<String> flags = List.of(options.group(1).split("\\s+"));
        assertThat(flags).as("the image starts with its AOT cache").contains("-XX:AOTCache=/app/concierge.aot");
        return flags.stream().map(flag -> flag.startsWith("-XX:AOTCache=") ? "-XX:AOTCache=" + cache : flag).toList();
    }

    private static boolean healthy(int port, Process app) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(ConciergeJar.START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && app.isAlive()) {
            try {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return true;
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static String tail(Path log) throws java.io.IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
