package dev.concierge.adapter.persistence;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The jOOQ classes are committed; this catches a migration changed without regenerating them. */
class GeneratedJooqCodeIsCurrentTest {
    private static final Path COMMITTED = Path.of("src/main/generated");
    private static final String HOW_TO_FIX = "the committed jOOQ classes no longer match the migrations: "
            + "run `./concierge generate-jooq` and commit src/main/generated";

    @TempDir static Path freshOutput;
    private static Map<String, byte[]> fresh;
    private static Map<String, byte[]> committed;

    @BeforeAll static void generateFromTheMigrations() throws Exception {
        JooqCodeGeneration.generate(freshOutput);
        fresh = javaFiles(freshOutput);
        committed = javaFiles(COMMITTED);
    }

    @Test void every_freshly_generated_class_is_committed_byte_for_byte() {
        assertThat(fresh).as("generator output").isNotEmpty();
        var outdated = fresh.entrySet().stream()
                .filter(generated -> !Arrays.equals(generated.getValue(), committed.get(generated.getKey())))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(outdated).as(HOW_TO_FIX + " (missing or different: " + outdated + ")").isEmpty();
    }

    @Test void no_committed_class_is_left_over_from_a_table_that_no_longer_exists() {
        var leftOver = committed.keySet().stream().filter(path -> !fresh.containsKey(path)).toList();
        assertThat(leftOver).as(HOW_TO_FIX + " (no longer generated: " + leftOver + ")").isEmpty();
    }

    private static Map<String, byte[]> javaFiles(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) return files;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
