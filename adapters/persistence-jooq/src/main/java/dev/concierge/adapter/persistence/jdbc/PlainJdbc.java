package dev.concierge.adapter.persistence.jdbc;

import dev.concierge.adapter.persistence.sql.ConnectionFailures;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Left only for the chat turn's claim ({@code JooqConversationTurns}), which moves to jOOQ and then takes this class
 * away; other hand-written SQL uses {@link dev.concierge.adapter.persistence.sql.PlainSql} with named parameters.
 * <p>
 * Plain JDBC on the shared pool, for the few hot statements written once as SQL text: rendering a jOOQ query and
 * reading its results generically cost more CPU than the database spends answering them. Failures mean what they mean
 * for jOOQ's queries, whose listener plain JDBC bypasses: a lost connection is the domain's "unavailable" (503,
 * {@link ConnectionFailures}), anything else a {@link DataAccessException} carrying the {@link SQLException}, so
 * {@link DataAccessException#sqlStateClass()} still tells a constraint violation from the rest.
 */
public final class PlainJdbc {
    /**
     * A common table expression, {@code asynchronous}, that lets its statement's own transaction commit without
     * waiting for the WAL flush ({@code synchronous_commit} off for that transaction only): a crash of the database
     * server may forget the statement's change, never half of it. PostgreSQL runs a SELECT in WITH only when the
     * statement reads it, so the statement must name it, e.g. {@code ... FROM f CROSS JOIN asynchronous}.
     */
    public static final String ASYNCHRONOUS_COMMIT = "asynchronous AS (SELECT set_config('synchronous_commit', 'off', true))";

    private PlainJdbc() {}

    /** What runs on the borrowed connection; it must close what it opens. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public static <T> T run(DSLContext dsl, Work<T> work) {
        return dsl.connectionResult(connection -> {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                if (ConnectionFailures.isConnectionFailure(e)) throw ConnectionFailures.unavailable();
                throw new DataAccessException("SQL [" + e.getSQLState() + "]; " + e.getMessage(), e);
            }
        });
    }

    /** A statement with its parameters bound in order; every value is a parameter, nothing is concatenated. */
    public static PreparedStatement prepare(Connection connection, String sql, Object... binds) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < binds.length; i++) statement.setObject(i + 1, binds[i]);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
