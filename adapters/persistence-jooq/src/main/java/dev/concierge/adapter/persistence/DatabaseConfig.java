package dev.concierge.adapter.persistence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach PostgreSQL: a server at {@code url}, or, when it is empty, an embedded server whose data lives
 * under {@code dataDirectory}.
 */
public record DatabaseConfig(Optional<String> url, Optional<String> user, Optional<String> password,
                             Path dataDirectory, int maxPoolSize) {
    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (maxPoolSize < 1) throw new IllegalArgumentException("maxPoolSize must be at least 1");
    }

    public boolean embedded() { return url.isEmpty(); }
}
