package dev.concierge.adapter.persistence.sql;

import dev.concierge.domain.kernel.Unavailable;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * What "the database is not there" looks like from JDBC, and the domain's {@link Unavailable} it becomes, so every
 * context answers 503 with a clear message instead of 500 when PostgreSQL is down or restarting. Shared by jOOQ's
 * listener and connection provider and by {@link PlainSql}.
 */
public final class ConnectionFailures {
    static final String MESSAGE = "The database is not reachable right now; try again shortly. "
            + "If it persists, check that PostgreSQL is running and DATABASE_URL is right.";

    private ConnectionFailures() {}

    /** A lost or refused connection, a pool timeout, or a server shutting down, anywhere in the cause chain. */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) return true;
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                        || sql.getSQLState().equals("57P03"))) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    public static Unavailable unavailable() { return new DatabaseUnavailable(); }

    private static final class DatabaseUnavailable extends Unavailable {
        DatabaseUnavailable() { super("database_unavailable", MESSAGE); }
    }
}
