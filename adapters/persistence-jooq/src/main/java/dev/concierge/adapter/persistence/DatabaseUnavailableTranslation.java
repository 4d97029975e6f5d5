package dev.concierge.adapter.persistence;

import dev.concierge.domain.kernel.Unavailable;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns "the database is not there" into the domain's {@link Unavailable}, so every context answers 503 with a
 * clear message instead of 500 when PostgreSQL is down or restarting.
 */
final class DatabaseUnavailableTranslation implements ExecuteListener {
    static final String MESSAGE = "The database is not reachable right now; try again shortly. "
            + "If it persists, check that PostgreSQL is running and DATABASE_URL is right.";

    @Override public void exception(ExecuteContext ctx) {
        if (isConnectionFailure(ctx.sqlException()) || isConnectionFailure(ctx.exception())) {
            ctx.exception(new DatabaseUnavailable());
        }
    }

    static boolean isConnectionFailure(Throwable error) {
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

    static final class DatabaseUnavailable extends Unavailable {
        DatabaseUnavailable() { super("database_unavailable", MESSAGE); }
    }
}
