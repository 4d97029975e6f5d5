package dev.concierge.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Optional;

/** The connection pool, and the embedded server behind it when no {@code DATABASE_URL} is given. */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Short, so a down database answers 503 quickly instead of holding requests. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private final HikariDataSource pool;
    private final Optional<EmbeddedPostgresServer> embedded;
    private final DatabaseConfig config;

    private Database(HikariDataSource pool, Optional<EmbeddedPostgresServer> embedded, DatabaseConfig config) {
        this.pool = pool;
        this.embedded = embedded;
        this.config = config;
    }

    public static Database open(DatabaseConfig config) {
        Optional<EmbeddedPostgresServer> embedded = config.embedded()
                ? Optional.of(EmbeddedPostgresServer.start(config.dataDirectory()))
                : Optional.empty();
        try {
            HikariConfig hikari = new HikariConfig();
            hikari.setPoolName("concierge");
            if (embedded.isPresent()) {
                hikari.setJdbcUrl(embedded.get().jdbcUrl());
                hikari.setUsername(embedded.get().user());
            } else {
                Target target = target(config.url().orElseThrow());
                hikari.setJdbcUrl(target.jdbcUrl());
                // Explicit DATABASE_USER / DATABASE_PASSWORD win over credentials inside the URL.
                config.user().or(target::user).ifPresent(hikari::setUsername);
                config.password().or(target::password).ifPresent(hikari::setPassword);
            }
            hikari.setMaximumPoolSize(config.maxPoolSize());
            hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
            hikari.setValidationTimeout(Duration.ofSeconds(2).toMillis());
            // Start even when the database is down: /health reports it and requests answer 503 until it returns.
            hikari.setInitializationFailTimeout(-1);
            hikari.addDataSourceProperty("ApplicationName", "concierge");
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            hikari.addDataSourceProperty("tcpKeepAlive", "true");
            // The driver prepares every statement server-side; PostgreSQL would still re-plan each execution for
            // its first five runs per connection and whenever a custom plan looks cheaper, which costs more than
            // running the short, indexed queries this application issues. One generic plan per statement is enough.
            hikari.addDataSourceProperty("options", "-c plan_cache_mode=force_generic_plan");
            // Started by its first use, not here: with an owner, the pool's role may not exist until migrate() made it,
            // and connections failing until then would leave the pool backing off for seconds once it does.
            HikariDataSource pool = new HikariDataSource();
            hikari.copyStateTo(pool);
            return new Database(pool, embedded, config);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    /** Where to connect, and credentials found in the URL itself. */
    record Target(String jdbcUrl, Optional<String> user, Optional<String> password) {}

    /**
     * Accepts the JDBC form and the usual {@code postgres://[user[:password]@]host[:port]/db} form; credentials in
     * the latter move out of the URL so they never reach driver messages or logs.
     */
    static Target target(String url) {
        if (url.startsWith("jdbc:postgresql:")) return new Target(url, Optional.empty(), Optional.empty());
        String rest;
        if (url.startsWith("postgres://")) rest = url.substring("postgres://".length());
        else if (url.startsWith("postgresql://")) rest = url.substring("postgresql://".length());
        else throw new IllegalArgumentException("DATABASE_URL must look like jdbc:postgresql://host:5432/db or "
                + "postgresql://host:5432/db, got: " + masked(url));
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/');
        if (at >= 0 && (slash < 0 || at < slash)) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon))).filter(u -> !u.isEmpty());
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        }
        return new Target("jdbc:postgresql://" + rest, user, password);
    }

    /**
     * Applies every context's migrations. With an owner configured, the owner migrates over its own short-lived
     * connection and then brings the pool's role up to date ({@link ApplicationRole}); otherwise the pool's user does.
     */
    public void migrate() {
        if (config.owner().isEmpty()) {
            Migrations.migrate(pool);
            return;
        }
        DatabaseConfig.Owner owner = config.owner().get();
        var direct = new org.postgresql.ds.PGSimpleDataSource();
        direct.setURL(target(config.url().orElseThrow()).jdbcUrl());
        direct.setUser(owner.user());
        owner.password().ifPresent(direct::setPassword);
        direct.setApplicationName("concierge-migrations");
        direct.setConnectTimeout((int) CONNECTION_TIMEOUT.toSeconds());
        Migrations.migrate(direct);
        String role = config.user().orElseThrow();
        try (var connection = direct.getConnection()) {
            ApplicationRole.ensure(connection, role, config.password().orElseThrow(), ContextSchemas.ALL);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create or update the application's database role '" + role + "' as '"
                    + owner.user() + "': " + e.getMessage() + " — the migration user needs CREATEROLE (the Aurora master user has it)", e);
        }
        LOG.info("database role {} ready: data access to schemas {}, no DDL", role, String.join(", ", ContextSchemas.ALL));
    }

    static String jdbcUrl(String url) { return target(url).jdbcUrl(); }

    private static String decode(String part) { return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8); }

    static String masked(String url) { return url.replaceAll("//[^@/]*@", "//***@"); }

    public DataSource dataSource() { return pool; }

    /** Pool meters (connections active, idle, pending, acquisition time) into the app's registry; call once. */
    public void recordPoolMetrics(io.micrometer.core.instrument.MeterRegistry registry) { pool.setMetricRegistry(registry); }

    public Optional<Integer> embeddedPort() { return embedded.map(EmbeddedPostgresServer::port); }

    @Override public void close() {
        pool.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
        LOG.info("database connections closed");
    }
}
