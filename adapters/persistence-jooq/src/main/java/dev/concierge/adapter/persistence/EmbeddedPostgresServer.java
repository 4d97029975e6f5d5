package dev.concierge.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * A real PostgreSQL (binaries from Maven Central) whose data directory persists under the app's data directory,
 * so data survives restarts. For laptops and tests; servers use {@code DATABASE_URL}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    public static final String DATABASE = "concierge";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) { this.postgres = postgres; }

    public static EmbeddedPostgresServer start(Path dataDirectory) {
        Path pgData = dataDirectory.toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(pgData);
            refuseIfInUse(dataDirectory.toAbsolutePath(), pgData);
            stopOrphanedPostmaster(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // the app's own shutdown closes it after the pool
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    // The library's default is off; the laptop's data waits for the disk like production's does.
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            var server = new EmbeddedPostgresServer(postgres);
            server.createApplicationDatabase();
            LOG.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
            return server;
        } catch (DataDirectoryInUse e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL: " + e.getMessage() + ".", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + pgData + ": " + rootMessage(e)
                    + ". If this machine forbids running PostgreSQL here (for example no user namespaces for root), "
                    + "set DATABASE_URL to a PostgreSQL server instead.", e);
        }
    }

    public String jdbcUrl() { return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE; }

    public String user() { return "postgres"; }

    public int port() { return postgres.getPort(); }

    private void createApplicationDatabase() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not create database " + DATABASE, e);
        }
    }

    /**
     * A running app holds the lock file of its embedded PostgreSQL for as long as it lives (the OS frees it when the
     * process dies, however it dies). Checked before {@link #stopOrphanedPostmaster}, which would otherwise stop the
     * database of a second app still running on the same directory.
     */
    private static void refuseIfInUse(Path dataDirectory, Path pgData) throws IOException {
        Path lockFile = pgData.resolve("epg-lock"); // the file the embedded server locks while it runs
        if (!Files.exists(lockFile)) return;
        boolean free;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            try (FileLock lock = channel.tryLock()) {
                free = lock != null;
            } catch (OverlappingFileLockException heldInThisProcess) {
                free = false;
            }
        }
        if (!free) {
            throw new DataDirectoryInUse("another Concierge is running with its data in " + dataDirectory
                    + "; stop it first, or give this one another data directory (DATA_DIR)");
        }
    }

    /** The data directory belongs to a live app; nothing was touched. */
    static final class DataDirectoryInUse extends IOException {
        DataDirectoryInUse(String message) { super(message); }
    }

    /**
     * A killed app (SIGKILL, power loss in a VM) leaves its postmaster running on our data directory, which
     * would refuse a second one. It has no clients left, so a fast shutdown loses nothing.
     */
    private static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        } catch (RuntimeException e) {
            return; // unreadable: let pg_ctl judge it
        }
        var handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(cmd -> cmd.contains("postgres")).orElse(false));
        if (handle.isEmpty()) return;
        LOG.warn("stopping PostgreSQL {} left running on {} by an earlier run", pid, pgData);
        handle.get().destroy(); // SIGTERM: smart shutdown, no clients are connected
        Instant deadline = Instant.now().plusSeconds(30);
        while (handle.get().isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for PostgreSQL " + pid + " to stop", e);
            }
        }
        if (handle.get().isAlive()) handle.get().destroyForcibly();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
