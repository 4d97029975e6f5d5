package dev.concierge.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** On embedded defaults (no DATABASE_URL) data lives under DATA_DIR and survives a restart. */
class RestartTest {
    @TempDir Path dataDirectory;

    @Test void favourites_saved_before_a_restart_are_there_after_it() {
        String content = "Kept across restarts " + System.nanoTime();

        try (var first = RunningApp.embedded(dataDirectory)) {
            assertThat(first.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"" + content + "\"}").statusCode()).isEqualTo(201);
        }
        try (var second = RunningApp.embedded(dataDirectory)) {
            assertThat(second.get("/api/favourites").body()).contains(content);
        }
    }
}
