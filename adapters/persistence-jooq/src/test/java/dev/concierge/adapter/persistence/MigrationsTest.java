package dev.concierge.adapter.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static TestDatabase db;

    @BeforeAll static void migrate() { db = TestDatabase.migrated(); }

    @AfterAll static void close() { db.close(); }

    @Test void every_context_schema_exists_after_migrating() {
        for (String schema : ContextSchemas.ALL) {
            assertThat(count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + schema + "'"))
                    .as("schema %s", schema).isEqualTo(1);
        }
    }

    @Test void every_context_keeps_its_own_flyway_history_in_its_own_schema() {
        for (String schema : ContextSchemas.ALL) {
            assertThat(count("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE success"))
                    .as("successful migrations recorded in %s.flyway_schema_history", schema).isPositive();
        }
    }

    @Test void no_flyway_history_lands_in_the_public_schema() {
        assertThat(count("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_name = 'flyway_schema_history'")).isZero();
    }

    @Test void migrating_again_applies_nothing_and_fails_nothing() {
        try (TestDatabase again = TestDatabase.migrated()) {
            List<String> before = history(again);

            Migrations.migrate(again.dataSource());

            assertThat(history(again)).isEqualTo(before).allSatisfy(row -> assertThat(row).endsWith("ok"));
        }
    }

    @Test void every_migrations_folder_belongs_to_a_context_schema_that_is_migrated() throws IOException {
        try (Stream<Path> folders = Files.list(MIGRATIONS)) {
            assertThat(folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()))
                    .as("folders under %s; each needs a PersistenceContext declared in META-INF/services", MIGRATIONS)
                    .containsExactlyInAnyOrderElementsOf(ContextSchemas.ALL);
        }
    }

    @Test void no_migration_reaches_into_another_context_schema() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String schema : ContextSchemas.ALL) {
            try (Stream<Path> files = Files.walk(MIGRATIONS.resolve(schema))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    crossSchemaReferences(Files.readString(file), schema, ContextSchemas.ALL)
                            .forEach(other -> violations.add(file + " mentions " + other + "."));
                }
            }
        }
        assertThat(violations).as("contexts own their schema; share through the domain, not through SQL").isEmpty();
    }

    @Test void the_cross_schema_check_flags_a_migration_that_names_another_context_schema() {
        String sql = "CREATE VIEW liked AS SELECT * FROM \"beta\".visits JOIN alpha.quotes USING (id);";

        assertThat(crossSchemaReferences(sql, "alpha", List.of("alpha", "beta"))).containsExactly("beta");
    }

    @Test void the_cross_schema_check_lets_a_migration_name_its_own_schema_and_lookalike_words() {
        String sql = "INSERT INTO alpha.quotes (id, text, author) VALUES (1, 'Road betas. Go.', 'mybeta.com');";

        assertThat(crossSchemaReferences(sql, "alpha", List.of("alpha", "beta"))).isEmpty();
    }

    /** Schemas other than {@code own} that {@code sql} qualifies a name with, as in {@code other.table}. */
    static List<String> crossSchemaReferences(String sql, String own, Collection<String> schemas) {
        return schemas.stream()
                .filter(schema -> !schema.equals(own))
                .filter(schema -> Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(schema) + "\"?\\.[\"\\w]",
                        Pattern.CASE_INSENSITIVE).matcher(sql).find())
                .toList();
    }

    /** One line per applied migration of every context, ending in ok or failed. */
    private static List<String> history(TestDatabase database) {
        List<String> rows = new ArrayList<>();
        for (String schema : ContextSchemas.ALL) {
            rows.addAll(Jooq.context(database.dataSource()).resultQuery(
                            "SELECT '" + schema + " ' || installed_rank || ' ' || coalesce(version, 'repeatable') || ' ' "
                                    + "|| CASE WHEN success THEN 'ok' ELSE 'failed' END "
                                    + "FROM " + schema + ".flyway_schema_history ORDER BY installed_rank")
                    .fetch().getValues(0, String.class));
        }
        return rows;
    }

    private static long count(String sql) {
        return Jooq.context(db.dataSource()).resultQuery(sql).fetchSingle(0, Long.class);
    }
}
