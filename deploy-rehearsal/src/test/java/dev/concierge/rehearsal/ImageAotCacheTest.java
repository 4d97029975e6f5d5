package dev.concierge.rehearsal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image's start-up as the Dockerfile builds it: {@code scripts/train-aot-cache} writes the JDK's ahead-of-time
 * cache with one training start, and a start with the image's {@code JAVA_OPTS} uses it. A cache the JVM cannot use
 * (stale, missing, trained with other flags) is reported on the output, so the JSON log of a start that used it holds
 * nothing but JSON.
 */
class ImageAotCacheTest {
    /** The Dockerfile's HEALTHCHECK command, as ECS writes a container's. */
    private static final List<String> HEALTH_CHECK = List.of("CMD-SHELL", "curl -fsS http://localhost:8080/health > /dev/null || exit 1");

    @Test void a_start_with_the_image_flags_uses_the_cache_the_training_script_wrote(@TempDir Path dir) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");
        Path jar = Path.of(System.getProperty("concierge.jar", "../bootstrap/target/concierge.jar")).toAbsolutePath().normalize();
        assertThat(jar).as("the runnable jar, built by bootstrap earlier in the reactor").exists();
        Path root = jar.getParent().getParent().getParent();
        List<String> imageFlags = ConciergeJar.imageJvmFlags(jar);
        assertThat(imageFlags).as("the image starts with its AOT cache").contains("-XX:AOTCache=/app/concierge.aot");
        Path cache = dir.resolve("concierge.aot");
        List<String> flags = imageFlags.stream().map(flag -> flag.startsWith("-XX:AOTCache=") ? "-XX:AOTCache=" + cache : flag).toList();

        List<String> training = new ArrayList<>(List.of("bash", root.resolve("scripts/train-aot-cache").toString(), jar.toString(), cache.toString()));
        training.addAll(flags);
        Path trainingLog = dir.resolve("training.log");
        ProcessBuilder trainer = new ProcessBuilder(training).redirectErrorStream(true).redirectOutput(trainingLog.toFile());
        trainer.environment().put("JAVA_HOME", Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent().toString());
        trainer.environment().put("AOT_TRAINING_PORT", String.valueOf(ConciergeJar.freePort()));
        Process trained = trainer.start();
        assertThat(trained.waitFor(5, TimeUnit.MINUTES)).as("training finished").isTrue();
        assertThat(trained.exitValue()).as(Files.readString(trainingLog)).isZero();
        assertThat(cache).isNotEmptyFile();

        int port = ConciergeJar.freePort();
        Path log = dir.resolve("start.log");
        ConciergeJar.Outcome outcome = ConciergeJar.start(jar, flags, Map.of("PORT", String.valueOf(port),
                "DATA_DIR", dir.resolve("data").toString(), "LOG_FORMAT", "json", "OLLAMA_BASE_URL", "http://127.0.0.1:9",
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), HEALTH_CHECK, port, log);
        assertThat(outcome.started()).as(outcome.detail()).isTrue();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).as("a JSON log line").startsWith("{"));
    }
}
