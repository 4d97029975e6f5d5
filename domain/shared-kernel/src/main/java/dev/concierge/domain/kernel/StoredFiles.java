package dev.concierge.domain.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where files people download or hand in are kept (exports, the originals of imports): a bucket in AWS, a directory on
 * a laptop. Any context may keep files here; each names its files under its own key prefix.
 */
public interface StoredFiles {
    /**
     * Stores what {@code content} writes under {@code key}, replacing a file already there. The content is streamed,
     * never held in memory whole, and the file becomes readable only once it is complete.
     *
     * @return the size in bytes
     * @throws FilesUnavailable when the store cannot be written
     */
    long write(FileKey key, String contentType, Content content);

    /** The file, to be read and closed by the caller; empty when nothing is stored under the key. */
    Optional<StoredFile> read(FileKey key);

    /** Removes the file; nothing happens when there is none. */
    void delete(FileKey key);

    /** Writes a file's bytes; may be called again from the start if the store retries. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
