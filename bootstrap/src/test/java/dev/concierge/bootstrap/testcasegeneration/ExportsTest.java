package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.bootstrap.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background exports and import originals on the real wiring: PostgreSQL keeps the export's state, the instance's
 * export worker makes the file, the local file store (FILES_DIR) keeps it and the import's original.
 */
class ExportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path files;
    private static RunningApp running;

    @BeforeAll static void start() throws IOException {
        files = Files.createTempDirectory("concierge-exports-test-");
        running = RunningApp.start(Map.of("FILES_DIR", files.toString()));
    }

    @AfterAll static void stop() { running.close(); }

    @Test void an_import_keeps_its_original_and_a_background_export_is_downloaded_from_the_file_store() throws Exception {
        long suite = json(running.post("/api/suites", "{\"name\":\"Exports\"}")).get("id").asLong();
        byte[] csv = "key,title\nTC-1,ログインできる\nTC-2,Sign out\n".getBytes(StandardCharsets.UTF_8);
        var imported = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/api/suites/" + suite + "/imports"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        List<Path> originals = filesUnder(files.resolve("test-case-generation/imports/suite-" + suite));
        assertThat(originals).singleElement().satisfies(original -> assertThat(Files.readAllBytes(original)).isEqualTo(csv));

        var created = running.post("/api/suites/" + suite + "/exports", "{\"format\":\"md\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();
        JsonNode ready = untilFinished(id);

        assertThat(ready.get("state").asText()).as(ready.toString()).isEqualTo("ready");
        assertThat(ready.get("caseCount").asInt()).isEqualTo(2);
        var download = running.get(ready.get("downloadUrl").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("suite-" + suite + ".md"));
        assertThat(download.body()).startsWith("# Exports").contains("## TC-1 — ログインできる").contains("## TC-2 — Sign out");
        assertThat(files.resolve("test-case-generation/exports/suite-" + suite + "/" + id + ".md")).exists();
    }

    private static JsonNode untilFinished(String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode export = json(running.get("/api/exports/" + id));
            String state = export.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) return export;
            if (Instant.now().isAfter(deadline)) throw new AssertionError("export still " + state + " after 30 s");
            Thread.sleep(100);
        }
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> found = Files.walk(directory)) {
            return found.filter(Files::isRegularFile).toList();
        }
    }

    private static JsonNode json(java.net.http.HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
