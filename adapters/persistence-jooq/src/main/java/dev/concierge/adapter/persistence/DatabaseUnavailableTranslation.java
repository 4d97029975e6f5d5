package dev.concierge.adapter.persistence;

import dev.concierge.adapter.persistence.sql.ConnectionFailures;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/** Turns a jOOQ query's lost connection into the domain's "unavailable" ({@link ConnectionFailures}). */
final class DatabaseUnavailableTranslation implements ExecuteListener {
    @Override public void exception(ExecuteContext ctx) {
        if (ConnectionFailures.isConnectionFailure(ctx.sqlException()) || ConnectionFailures.isConnectionFailure(ctx.exception())) {
            ctx.exception(ConnectionFailures.unavailable());
        }
    }
}
