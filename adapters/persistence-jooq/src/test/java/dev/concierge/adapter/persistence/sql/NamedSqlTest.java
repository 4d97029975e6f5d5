package dev.concierge.adapter.persistence.sql;

import dev.concierge.adapter.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamedSqlTest {
    private static final SqlParameter<String> OWNER = SqlParameter.text("owner");
    private static final SqlParameter<Long> ID = SqlParameter.bigint("id");
    private static TestDatabase db;
    private static PlainSql sql;

    @BeforeAll static void database() {
        db = TestDatabase.empty();
        sql = new PlainSql(db.dataSource());
    }

    @AfterAll static void close() { db.close(); }

    @Test void each_named_parameter_becomes_a_position_and_casts_quotes_and_comments_stay_as_written() {
        NamedSql statement = NamedSql.of("SELECT ':not' || \"a:b\", x::int -- :comment\n FROM t WHERE a = :owner AND b = :id OR c = :owner");

        assertThat(statement.jdbcText())
                .isEqualTo("SELECT ':not' || \"a:b\", x::int -- :comment\n FROM t WHERE a = ? AND b = ? OR c = ?");
    }

    @Test void a_parameter_used_twice_gets_the_same_value_at_both_places() {
        NamedSql statement = NamedSql.of("SELECT CAST(:owner AS text) || '/' || CAST(:owner AS text) AS twice, CAST(:id AS bigint) + 1 AS next");

        String answer = sql.run(connection -> {
            try (var bound = statement.prepare(connection).set(OWNER, "alice").set(ID, 41L); var rows = bound.executeQuery()) {
                rows.next();
                return SqlColumn.text("twice").from(rows) + " " + SqlColumn.bigint("next").from(rows);
            }
        });

        assertThat(answer).isEqualTo("alice/alice 42");
    }

    @Test void a_statement_with_a_parameter_left_unset_is_refused_before_it_runs() {
        NamedSql statement = NamedSql.of("SELECT CAST(:owner AS text), CAST(:id AS bigint)");

        assertThatThrownBy(() -> sql.run(connection -> {
            try (var bound = statement.prepare(connection).set(OWNER, "alice"); var rows = bound.executeQuery()) {
                return rows.next();
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining(":id");
    }

    @Test void setting_a_parameter_the_statement_does_not_have_is_refused() {
        NamedSql statement = NamedSql.of("SELECT CAST(:owner AS text)");

        assertThatThrownBy(() -> sql.run(connection -> {
            try (var bound = statement.prepare(connection).set(ID, 1L)) {
                return bound;
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":id");
    }

    @Test void positional_parameters_are_refused_when_the_text_is_written() {
        assertThatThrownBy(() -> NamedSql.of("SELECT * FROM t WHERE a = ?")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test void typed_columns_read_nulls_as_null_and_times_with_their_offset() {
        var row = sql.run(connection -> {
            try (var bound = NamedSql.of("SELECT CAST(NULL AS bigint) AS nothing, TIMESTAMPTZ '2026-04-01 09:00:00+00' AS at")
                    .prepare(connection); var rows = bound.executeQuery()) {
                rows.next();
                return new Object[] {SqlColumn.bigint("nothing").from(rows), SqlColumn.timestamptz("at").from(rows)};
            }
        });

        assertThat(row[0]).isNull();
        assertThat(((OffsetDateTime) row[1]).toInstant()).hasToString("2026-04-01T09:00:00Z");
    }

    @Test void a_failing_statement_says_its_sql_state() {
        assertThatThrownBy(() -> sql.run(connection -> {
            try (var bound = NamedSql.of("SELECT 1 / 0").prepare(connection); var rows = bound.executeQuery()) {
                return rows.next();
            }
        })).isInstanceOfSatisfying(PlainSql.SqlFailure.class, failure -> assertThat(failure.sqlState()).isEqualTo("22012"));
    }
}
