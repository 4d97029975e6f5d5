package dev.concierge.adapter.files;

import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.FilesUnavailable;
import dev.concierge.domain.kernel.StoredFile;
import dev.concierge.domain.kernel.StoredFiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Files in a local directory ({@code FILES_DIR}): the laptop's store. A file is written beside its place under a
 * temporary name and moved there when complete, so a reader never sees half of it.
 */
final class DirectoryStoredFiles implements StoredFiles {
    private static final String INCOMING = ".incoming";

    private final Path root;

    DirectoryStoredFiles(Path root) { this.root = root.toAbsolutePath().normalize(); }

    @Override public long write(FileKey key, String contentType, Content content) {
        Path target = path(key);
        Path incoming = root.resolve(INCOMING).resolve(UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(incoming.getParent());
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw unavailable("cannot create a directory", e);
        }
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(incoming), 64 * 1024)) {
                content.writeTo(out);
            }
            long size = Files.size(incoming);
            try {
                Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(incoming, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + key + " to " + root, e);
        } finally {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException ignored) {
                // a leftover part file is harmless: it is never read
            }
        }
    }

    @Override public Optional<StoredFile> read(FileKey key) {
        Path file = path(key);
        try {
            return Optional.of(new StoredFile(key, Files.size(file), Files.newInputStream(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable("cannot read " + key, e);
        }
    }

    @Override public void delete(FileKey key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw unavailable("cannot delete " + key, e);
        }
    }

    private Path path(FileKey key) {
        Path file = root.resolve(key.value()).normalize();
        // FileKey already forbids '..'; checked again because this is where a path would escape.
        if (!file.startsWith(root) || file.startsWith(root.resolve(INCOMING))) {
            throw new IllegalArgumentException("key outside the store: " + key);
        }
        return file;
    }

    private FilesUnavailable unavailable(String what, IOException e) {
        return new FilesUnavailable("The file store (directory " + root + ", FILES_DIR) " + what + ": " + e.getMessage()
                + ". Check that the directory exists and is writable.");
    }
}
