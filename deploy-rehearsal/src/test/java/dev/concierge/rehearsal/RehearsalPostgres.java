package dev.concierge.rehearsal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;

/**
 * A real PostgreSQL standing in for Aurora: listening on every address, with password authentication for anyone
 * not on loopback, and Aurora's starting point: a master (owner) user who may create roles, and the database
 * {@code concierge} it owns. The app is given a non-loopback address of this machine, as a task is given Aurora's.
 */
final class RehearsalPostgres implements AutoCloseable {
    static final String MASTER_USER = "concierge";
    static final String MASTER_PASSWORD = "rehearsal-master-password";
    static final String DATABASE = "concierge";

    private final EmbeddedPostgres postgres;
    private final String host;

    RehearsalPostgres(Path dataDirectory) throws IOException, SQLException {
        host = nonLoopbackAddress();
        // A killed run leaves its cluster behind; initdb wants an empty directory.
        if (Files.exists(dataDirectory)) {
            try (var paths = Files.walk(dataDirectory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "*")
                .start();
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), "\nhost all all 0.0.0.0/0 scram-sha-256\n", StandardOpenOption.APPEND);
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_reload_conf()");
            sql.execute("CREATE ROLE " + MASTER_USER + " LOGIN CREATEROLE PASSWORD '" + MASTER_PASSWORD + "'");
            sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + MASTER_USER);
        }
    }

    String host() { return host; }

    int port() { return postgres.getPort(); }

    private static String nonLoopbackAddress() throws SocketException {
        for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!networkInterface.isUp() || networkInterface.isLoopback()) continue;
            for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return address.getHostAddress();
                }
            }
        }
        throw new IllegalStateException("The deploy rehearsal needs a non-loopback IPv4 address on this machine "
                + "(the app refuses nothing on loopback, but Aurora is never there)");
    }

    @Override public void close() throws IOException {
        postgres.close();
    }
}
