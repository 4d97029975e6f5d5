package dev.concierge.adapter.persistence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach PostgreSQL: a server at {@code url}, or, when it is empty, an embedded server whose data lives
 * under {@code dataDirectory}. With an {@code owner}, the owner migrates and keeps {@code user} a least-privileged
 * role with {@code password}; without one, {@code user} migrates (a laptop, or a server with one user).
 */
public record DatabaseConfig(Optional<String> url, Optional<String> user, Optional<String> password,
                             Path dataDirectory, int maxPoolSize, Optional<Owner> owner) {
    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(owner, "owner");
        if (maxPoolSize < 1) throw new IllegalArgumentException("maxPoolSize must be at least 1");
        if (owner.isPresent() && (url.isEmpty() || user.isEmpty() || password.isEmpty())) {
            throw new IllegalArgumentException("an owner needs a server url and the application role's user and password");
        }
    }

    public DatabaseConfig(Optional<String> url, Optional<String> user, Optional<String> password, Path dataDirectory, int maxPoolSize) {
        this(url, user, password, dataDirectory, maxPoolSize, Optional.empty());
    }

    /** Credentials of the role that owns the schemas; used only at start. */
    public record Owner(String user, Optional<String> password) {
        public Owner {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override public String toString() { return "Owner[user=" + user + ", password=***]"; }
    }

    public boolean embedded() { return url.isEmpty(); }

    @Override public String toString() {
        return "DatabaseConfig[url=" + url.map(Database::masked) + ", user=" + user + ", password=***, dataDirectory=" + dataDirectory
                + ", maxPoolSize=" + maxPoolSize + ", owner=" + owner + "]";
    }
}
