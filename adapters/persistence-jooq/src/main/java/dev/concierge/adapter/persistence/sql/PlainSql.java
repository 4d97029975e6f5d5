package dev.concierge.adapter.persistence.sql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs hand-written SQL ({@link NamedSql}) over plain JDBC on the shared pool, for the few statements where rendering a
 * jOOQ query and reading its results generically cost more CPU than the database spends answering (measured:
 * bench/README.md). Failures mean what they mean for jOOQ's queries: a lost connection is the domain's "unavailable"
 * (503, {@link ConnectionFailures}), anything else a {@link SqlFailure} carrying the SQL state.
 */
public final class PlainSql {
    private final DataSource dataSource;

    public PlainSql(DataSource dataSource) { this.dataSource = dataSource; }

    /** What runs on the borrowed connection; it must close what it opens. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    public static RuntimeException translate(SQLException e) {
        if (ConnectionFailures.isConnectionFailure(e)) return ConnectionFailures.unavailable();
        return new SqlFailure(e);
    }

    /** A statement failed for a reason other than a lost connection; {@link #sqlState()} says which. */
    public static final class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) { super("SQL [" + cause.getSQLState() + "]; " + cause.getMessage(), cause); }

        public String sqlState() { return ((SQLException) getCause()).getSQLState(); }
    }
}
