package dev.concierge.domain.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** A stored file being read: its bytes as a stream the reader closes, and its size. */
public record StoredFile(FileKey key, long size, InputStream content) implements AutoCloseable {
    public StoredFile {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
    }

    @Override public void close() {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
