package dev.concierge.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Files kept in this module's resources (the Fluent Bit routes, the collector's configuration), read from the class
 * path, so synthesis works from any working directory and from the packaged jar alike.
 */
final class BundledFiles {
    private BundledFiles() {}

    static String text(String resource) {
        try (InputStream in = BundledFiles.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named files of a resource directory, copied into a fresh directory (a Docker build context). */
    static Path directory(String resourceDirectory, List<String> files) {
        try {
            Path copy = Files.createTempDirectory("concierge-" + resourceDirectory.replace('/', '-'));
            copy.toFile().deleteOnExit();
            for (String file : files) {
                Path target = copy.resolve(file);
                Files.writeString(target, text(resourceDirectory + "/" + file));
                target.toFile().deleteOnExit();
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
