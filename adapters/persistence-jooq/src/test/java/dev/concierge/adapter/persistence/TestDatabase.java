package dev.concierge.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, and a fresh, migrated database per caller, so
 * tests never see each other's rows. Shared with other modules' tests through this module's test-jar.
 */
public final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String name;
    private final HikariDataSource dataSource;

    private TestDatabase(String name, HikariDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** A new empty database with every context's migrations applied. */
    public static TestDatabase migrated() {
        TestDatabase database = empty();
        Migrations.migrate(database.dataSource);
        return database;
    }

    /** A new database with nothing in it (for tests of the migrations or of the app's own start-up). */
    public static TestDatabase empty() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (var c = server().getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(name));
        config.setUsername("postgres");
        config.setMaximumPoolSize(16);
        config.setPoolName(name);
        return new TestDatabase(name, new HikariDataSource(config));
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL for tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the temp directory goes with it
                }
            }));
        }
        return server;
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    public String jdbcUrl() { return jdbcUrl(name); }

    public String user() { return "postgres"; }

    public HikariDataSource dataSource() { return dataSource; }

    @Override public void close() { dataSource.close(); }
}
