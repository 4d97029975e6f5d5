package dev.concierge.adapter.files;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where stored files go: a directory ({@code local}, a laptop) or an S3 bucket ({@code s3}, AWS), with an optional
 * key prefix inside the bucket and another S3 endpoint (a local server speaking the S3 protocol).
 */
public record FilesConfig(Store store, Path directory, Optional<String> bucket, String prefix, Optional<URI> endpoint,
                          Optional<String> region) {
    public enum Store { LOCAL, S3 }

    public FilesConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(directory, "directory");
        if (store == Store.S3 && bucket.isEmpty()) throw new IllegalArgumentException("FILES_STORE=s3 needs FILES_BUCKET");
        prefix = prefix == null || prefix.isBlank() ? "" : prefix.strip().replaceAll("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix = prefix + "/";
    }

    public static FilesConfig local(Path directory) {
        return new FilesConfig(Store.LOCAL, directory, Optional.empty(), "", Optional.empty(), Optional.empty());
    }
}
