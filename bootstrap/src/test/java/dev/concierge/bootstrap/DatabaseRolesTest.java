package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.persistence.TestDatabase;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the owner's credentials in DATABASE_MIGRATION_USER/PASSWORD, the owner migrates and the pool connects as the
 * least-privileged DATABASE_USER: rows yes, schema changes no. Against the real embedded PostgreSQL.
 */
class DatabaseRolesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger ROLES = new AtomicInteger();
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** Roles are cluster-wide and the test server is shared: a fresh name per test, with characters that need quoting. */
    private static String newRole() {
        return "app_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet() + "\"; DROP ROLE x; --'";
    }

    private static Map<String, String> leastPrivileged(String role, String password) {
        return Map.of("DATABASE_MIGRATION_USER", "postgres", "DATABASE_USER", role, "DATABASE_PASSWORD", password);
    }

    @Test void the_pool_uses_its_own_role_that_reads_and_writes_rows_but_cannot_change_the_schemas() throws Exception {
        String role = newRole();
        try (TestDatabase database = TestDatabase.empty();
             RunningApp app = RunningApp.on(database, leastPrivileged(role, "it's a \"secret\"; --"))) {
            assertThat(app.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"Saved by the app role\"}").statusCode()).isEqualTo(201);
            assertThat(app.get("/api/favourites").body()).contains("Saved by the app role");

            try (Connection pooled = app.app.injector().getInstance(DataSource.class).getConnection();
                 var statement = pooled.createStatement()) {
                try (var rs = statement.executeQuery("SELECT current_user")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(role);
                }
                for (String change : new String[] {"CREATE TABLE favourites.intruder (id int)",
                        "CREATE TABLE test_case_generation.intruder (id int)", "DROP TABLE favourites.saved_favourites",
                        "TRUNCATE favourites.saved_favourites", "ALTER TABLE favourites.saved_favourites ADD COLUMN intruder int",
                        "CREATE INDEX intruder ON test_case_generation.generation_jobs (id)",
                        "DELETE FROM favourites.flyway_schema_history", "DROP SCHEMA trip_support CASCADE"}) {
                    assertThatThrownBy(() -> statement.execute(change)).as(change).isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).as(change + ": " + e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
                }
            }
            // The password reached the server hashed (SCRAM), never as plain text.
            assertThat(storedPassword(database, role)).startsWith("SCRAM-SHA-256$");
        }
    }

    @Test void a_second_start_finds_the_role_in_place_and_updates_its_password() throws Exception {
        String role = newRole();
        try (TestDatabase database = TestDatabase.empty()) {
            try (RunningApp first = RunningApp.on(database, leastPrivileged(role, "first password"))) {
                assertThat(first.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"Kept across starts\"}").statusCode()).isEqualTo(201);
            }
            String firstHash = storedPassword(database, role);

            try (RunningApp second = RunningApp.on(database, leastPrivileged(role, "rotated password"))) {
                assertThat(second.get("/api/favourites").body()).contains("Kept across starts");
                assertThat(second.get("/health/ready").statusCode()).isEqualTo(200);
            }
            assertThat(storedPassword(database, role)).isNotEqualTo(firstHash);
        }
    }

    @Test void without_migration_credentials_the_configured_user_migrates_and_connects_as_before() throws Exception {
        try (RunningApp app = RunningApp.start()) {
            assertThat(app.post("/api/favourites", "{\"type\":\"quote\",\"content\":\"Laptop\"}").statusCode()).isEqualTo(201);
            try (Connection pooled = app.app.injector().getInstance(DataSource.class).getConnection();
                 var rs = pooled.createStatement().executeQuery("SELECT current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("postgres");
            }
        }
    }

    private static String storedPassword(TestDatabase database, String role) throws SQLException {
        try (Connection owner = database.dataSource().getConnection();
             var query = owner.prepareStatement("SELECT rolpassword FROM pg_authid WHERE rolname = ?")) {
            query.setString(1, role);
            try (var rs = query.executeQuery()) {
                assertThat(rs.next()).as("role " + role + " exists").isTrue();
                return rs.getString(1);
            }
        }
    }
}
