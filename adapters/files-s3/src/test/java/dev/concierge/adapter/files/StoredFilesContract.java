package dev.concierge.adapter.files;

import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.StoredFile;
import dev.concierge.domain.kernel.StoredFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every store of files does, whichever technology keeps them. */
abstract class StoredFilesContract {
    abstract StoredFiles store();

    @Test void a_written_file_reads_back_with_its_size() throws IOException {
        FileKey key = new FileKey("exports/suite-1/first.csv");
        byte[] bytes = "Key,Title\nTC-1,ログイン\n".getBytes(StandardCharsets.UTF_8);

        long size = store().write(key, "text/csv; charset=utf-8", out -> out.write(bytes));

        assertThat(size).isEqualTo(bytes.length);
        try (StoredFile file = store().read(key).orElseThrow()) {
            assertThat(file.size()).isEqualTo(bytes.length);
            assertThat(file.content().readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test void nothing_is_read_under_a_key_never_written() {
        assertThat(store().read(new FileKey("exports/none/missing.csv"))).isEmpty();
    }

    @Test void writing_again_under_a_key_replaces_the_file() throws IOException {
        FileKey key = new FileKey("imports/suite-2/original.csv");
        store().write(key, "text/csv", out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        store().write(key, "text/csv", out -> out.write("new, longer".getBytes(StandardCharsets.UTF_8)));

        try (StoredFile file = store().read(key).orElseThrow()) {
            assertThat(new String(file.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("new, longer");
        }
    }

    @Test void a_deleted_file_is_gone_and_deleting_nothing_is_fine() {
        FileKey key = new FileKey("exports/suite-3/gone.md");
        store().write(key, "text/markdown", out -> out.write('#'));

        store().delete(key);
        store().delete(key);

        assertThat(store().read(key)).isEmpty();
    }

    /** 12 MiB written in 64 KiB pieces: the content is streamed, and every byte arrives in order. */
    @Test void a_large_file_streams_through_whole() throws Exception {
        FileKey key = new FileKey("exports/suite-4/large.xlsx");
        byte[] piece = new byte[64 * 1024];
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        long size = store().write(key, "application/octet-stream", out -> {
            for (int i = 0; i < 192; i++) {
                for (int j = 0; j < piece.length; j++) piece[j] = (byte) (i * 31 + j);
                written.update(piece);
                out.write(piece);
            }
        });

        assertThat(size).isEqualTo(192L * piece.length);
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (StoredFile file = store().read(key).orElseThrow(); InputStream in = file.content()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) read.update(buffer, 0, n);
        }
        assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(HexFormat.of().formatHex(written.digest()));
    }

    @Test void a_file_whose_writing_fails_midway_is_never_readable() {
        FileKey key = new FileKey("exports/suite-5/broken.csv");

        assertThatThrownBy(() -> store().write(key, "text/csv", out -> {
            out.write("half of it".getBytes(StandardCharsets.UTF_8));
            throw new IOException("the database went away");
        })).isInstanceOf(UncheckedIOException.class);

        assertThat(store().read(key)).isEmpty();
    }
}
