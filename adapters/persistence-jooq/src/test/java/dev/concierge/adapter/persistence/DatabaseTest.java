package dev.concierge.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.concierge.domain.kernel.Unavailable;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatabaseTest {

    @Nested class DatabaseUrl {
        @Test void a_jdbc_url_is_used_as_given() {
            assertThat(Database.jdbcUrl("jdbc:postgresql://db.example:5432/concierge?sslmode=require"))
                    .isEqualTo("jdbc:postgresql://db.example:5432/concierge?sslmode=require");
        }

        @Test void a_postgres_url_becomes_a_jdbc_url() {
            assertThat(Database.jdbcUrl("postgres://h:5432/db")).isEqualTo("jdbc:postgresql://h:5432/db");
        }

        @Test void a_postgresql_url_becomes_a_jdbc_url() {
            assertThat(Database.jdbcUrl("postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
        }

        @Test void a_url_of_another_database_is_refused() {
            assertThatThrownBy(() -> Database.jdbcUrl("mysql://h:3306/db"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("DATABASE_URL");
        }

        @Test void a_refused_url_is_not_echoed_with_its_password() {
            var refused = catchThrowableOfType(IllegalArgumentException.class, () -> Database.jdbcUrl("mysql://u:secret@h/db"));

            assertThat(refused.getMessage()).doesNotContain("secret").contains("h/db");
        }

        @Test void credentials_in_a_postgres_url_move_out_of_the_jdbc_url() {
            var target = Database.target("postgres://app%40corp:s%3Acret@db.internal:5432/concierge");

            assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/concierge").doesNotContain("cret");
            assertThat(target.user()).contains("app@corp");
            assertThat(target.password()).contains("s:cret");
        }

        @Test void a_url_without_credentials_leaves_them_to_the_settings() {
            var target = Database.target("postgresql://db.internal/concierge");

            assertThat(target.user()).isEmpty();
            assertThat(target.password()).isEmpty();
        }
    }

    @Nested class Config {
        @Test void a_pool_of_no_connections_is_refused() {
            assertThatThrownBy(() -> new DatabaseConfig(Optional.empty(), Optional.empty(), Optional.empty(), Path.of("data"), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxPoolSize");
        }

        @Test void without_a_url_the_database_is_embedded() {
            assertThat(embeddedConfig(Path.of("data")).embedded()).isTrue();
        }

        @Test void an_owner_needs_a_server_and_the_application_roles_name_and_password() {
            var owner = Optional.of(new DatabaseConfig.Owner("postgres", Optional.of("owner-secret")));
            assertThatThrownBy(() -> new DatabaseConfig(Optional.empty(), Optional.of("app"), Optional.of("x"), Path.of("data"), 2, owner))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new DatabaseConfig(Optional.of("jdbc:postgresql://db/app"), Optional.of("app"), Optional.empty(),
                    Path.of("data"), 2, owner)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test void no_password_shows_in_the_config_as_text() {
            var config = new DatabaseConfig(Optional.of("postgresql://u:url-secret@db/app"), Optional.of("app"), Optional.of("app-secret"),
                    Path.of("data"), 2, Optional.of(new DatabaseConfig.Owner("postgres", Optional.of("owner-secret"))));

            assertThat(config.toString()).contains("postgres").doesNotContain("url-secret", "app-secret", "owner-secret");
        }
    }

    @Nested class Embedded {
        @TempDir Path dataDirectory;

        @Test void an_embedded_database_starts_and_answers_the_health_check() {
            try (Database database = Database.open(embeddedConfig(dataDirectory))) {
                assertThat(new DatabaseHealth(database.dataSource()).check().up()).isTrue();
                assertThat(database.embeddedPort()).isPresent();
            }
        }

        @Test void commits_wait_for_the_disk_as_they_do_in_production() {
            try (Database database = Database.open(embeddedConfig(dataDirectory))) {
                assertThat(Jooq.context(database.dataSource()).fetchValue("SHOW synchronous_commit")).isEqualTo("on");
            }
        }

        @Test void a_second_app_on_the_same_data_directory_is_refused_and_leaves_the_first_running() {
            try (Database first = Database.open(embeddedConfig(dataDirectory))) {
                assertThatThrownBy(() -> Database.open(embeddedConfig(dataDirectory)).close())
                        .hasMessageContaining("another Concierge is running").hasMessageContaining("DATA_DIR");

                assertThat(new DatabaseHealth(first.dataSource()).check().up()).isTrue();
            }
        }

        @Test void data_written_before_a_restart_is_still_there_after_it() throws SQLException {
            try (Database first = Database.open(embeddedConfig(dataDirectory))) {
                execute(first.dataSource(), "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept across restarts')");
            }

            try (Database second = Database.open(embeddedConfig(dataDirectory))) {
                assertThat(Jooq.context(second.dataSource()).fetchValue("SELECT body FROM notes")).isEqualTo("kept across restarts");
            }
        }
    }

    @Nested class ServerByUrl {
        @Test void a_database_given_by_url_is_used_without_starting_an_embedded_one(@TempDir Path dataDirectory) {
            try (TestDatabase server = TestDatabase.empty();
                 Database database = Database.open(new DatabaseConfig(Optional.of(server.jdbcUrl()), Optional.of(server.user()),
                         Optional.empty(), dataDirectory, 2))) {
                assertThat(database.embeddedPort()).isEmpty();
                assertThat(new DatabaseHealth(database.dataSource()).check().up()).isTrue();
            }
        }
    }

    @Nested class Unreachable {
        private HikariDataSource unreachable;

        @BeforeEach void poolForAClosedPort() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:postgresql://localhost:1/x");
            config.setUsername("postgres");
            config.setConnectionTimeout(250); // Hikari's minimum: each test waits this long for a connection
            config.setInitializationFailTimeout(-1);
            unreachable = new HikariDataSource(config);
        }

        @AfterEach void closePool() { unreachable.close(); }

        @Test void the_health_check_reports_down_and_points_at_database_url() {
            DatabaseHealth.Status status = new DatabaseHealth(unreachable).check();

            assertThat(status.up()).isFalse();
            assertThat(status.message()).contains("DATABASE_URL");
        }

        @Test void a_count_answers_database_unavailable() {
            assertThatThrownBy(() -> Jooq.context(unreachable).fetchCount(DSL.table(DSL.name("information_schema", "tables"))))
                    .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.code()).isEqualTo("database_unavailable"));
        }

        @Test void a_select_answers_database_unavailable() {
            assertThatThrownBy(() -> Jooq.context(unreachable).selectOne().fetch())
                    .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.code()).isEqualTo("database_unavailable"));
        }

        @Test void a_transaction_answers_database_unavailable() {
            assertThatThrownBy(() -> Jooq.context(unreachable).transaction(tx -> tx.dsl().selectOne().fetch()))
                    .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.code()).isEqualTo("database_unavailable"));
        }
    }

    private static DatabaseConfig embeddedConfig(Path dataDirectory) {
        return new DatabaseConfig(Optional.empty(), Optional.empty(), Optional.empty(), dataDirectory, 2);
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
