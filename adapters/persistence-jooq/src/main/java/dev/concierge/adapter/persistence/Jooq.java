package dev.concierge.adapter.persistence;

import dev.concierge.adapter.persistence.sql.ConnectionFailures;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Builds the jOOQ context every repository shares. */
public final class Jooq {
    private Jooq() {}

    public static DSLContext context(DataSource dataSource) {
        var configuration = new DefaultConfiguration()
                .set(SQLDialect.POSTGRES)
                .set(new TranslatingConnectionProvider(dataSource))
                .set(new Settings().withExecuteLogging(false).withRenderSchema(true))
                .set(new DatabaseUnavailableTranslation());
        return DSL.using(configuration);
    }

    /** Like jOOQ's DataSourceConnectionProvider, but a pool timeout becomes the domain's "unavailable". */
    private record TranslatingConnectionProvider(DataSource dataSource) implements ConnectionProvider {
        @Override public Connection acquire() {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                if (ConnectionFailures.isConnectionFailure(e)) throw ConnectionFailures.unavailable();
                throw new DataAccessException("Error getting connection from data source " + dataSource, e);
            }
        }

        @Override public void release(Connection connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new DataAccessException("Error closing connection " + connection, e);
            }
        }
    }
}
