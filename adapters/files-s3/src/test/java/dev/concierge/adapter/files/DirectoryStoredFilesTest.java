package dev.concierge.adapter.files;

import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.FilesUnavailable;
import dev.concierge.domain.kernel.StoredFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryStoredFilesTest extends StoredFilesContract {
    @TempDir Path directory;

    @Override StoredFiles store() { return new DirectoryStoredFiles(directory.resolve("files")); }

    @Test void a_file_lands_under_its_key_in_the_directory() throws IOException {
        store().write(new FileKey("exports/suite-9/a.csv"), "text/csv", out -> out.write("x".getBytes(StandardCharsets.UTF_8)));

        assertThat(directory.resolve("files/exports/suite-9/a.csv")).hasContent("x");
    }

    @Test void a_directory_that_cannot_be_created_is_reported_as_the_store_being_unavailable() throws IOException {
        Path blocker = Files.writeString(directory.resolve("not-a-directory"), "a file where the store should be");
        StoredFiles store = new DirectoryStoredFiles(blocker);

        assertThatThrownBy(() -> store.write(new FileKey("a.csv"), "text/csv", out -> out.write(1)))
                .isInstanceOf(FilesUnavailable.class).hasMessageContaining("FILES_DIR");
    }
}
