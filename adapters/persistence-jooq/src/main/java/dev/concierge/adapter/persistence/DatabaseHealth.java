package dev.concierge.adapter.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Whether the database answers now: one round trip on a pooled connection. */
public final class DatabaseHealth {
    private final DataSource dataSource;

    public DatabaseHealth(DataSource dataSource) { this.dataSource = dataSource; }

    public record Status(boolean up, String message) {}

    public Status check() {
        try (Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("SELECT 1");
            return new Status(true, "PostgreSQL " + c.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            return new Status(false, "Database not reachable: " + e.getMessage()
                    + " — check that PostgreSQL is running and DATABASE_URL is right.");
        }
    }
}
