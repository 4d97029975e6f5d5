package dev.concierge.architecture;

import dev.concierge.adapter.persistence.ContextSchemas;
import dev.concierge.adapter.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ARCHITECTURE.md rule 7 over the SQL side: each context's migrations live in {@code db/migration/<schema>} (the
 * folder persistence migrates into that schema with its own history table, see {@code Migrations} and its test),
 * every folder belongs to a known context schema that is migrated, and no migration names another context's schema.
 * The Java side (repositories touch only their own schema's generated jOOQ code) is an ArchUnit rule in
 * {@link AdapterRules}. Rule 8: the same check is shown failing on fixture folders under {@code ownership-fixture}.
 */
class DataOwnershipTest {

    @Test void the_shipped_migrations_keep_every_context_in_its_own_schema() {
        withMigrationsRoot("db/migration", root -> assertThat(violations(root, ContextSchemas.ALL, Layout.contextSchemas()))
                .as("one folder per migrated context schema under db/migration, no SQL naming another context's schema")
                .isEmpty());
    }

    @Test void every_migrated_schema_belongs_to_a_context_found_in_the_code() {
        assertThat(ContextSchemas.ALL).as("schemas the persistence adapter migrates").isNotEmpty();
        for (String schema : ContextSchemas.ALL) {
            assertThat(Layout.contexts()).as("contexts (dev.concierge.domain.*) owning schema %s", schema)
                    .contains(schema.replace("_", ""));
        }
    }

    @Test void every_migrated_schema_migrates_from_its_own_folder() {
        for (PersistenceContext context : PersistenceContext.all()) {
            assertThat(context.migrationsLocation()).as(context.getClass().getName())
                    .isEqualTo("classpath:db/migration/" + context.schema());
        }
    }

    @Test void the_check_reports_a_migration_naming_another_schema_and_a_folder_without_a_schema() {
        withMigrationsRoot("ownership-fixture", root -> assertThat(violations(root, List.of("alpha", "beta"), Set.of("alpha", "beta")))
                .containsExactlyInAnyOrder(
                        "beta/V1__beta.sql names schema alpha",
                        "stray is a migrations folder of no migrated context schema"));
    }

    @Test void the_check_reports_a_migrated_schema_without_migrations() {
        withMigrationsRoot("ownership-fixture", root -> assertThat(violations(root, List.of("alpha", "beta", "stray", "gamma"),
                Set.of("alpha", "beta", "stray", "gamma")))
                .contains("gamma is migrated but has no migrations folder with a V*.sql"));
    }

    @Test void the_check_accepts_a_context_naming_only_itself_and_other_schemas_inside_string_literals() {
        withMigrationsRoot("ownership-fixture", root -> assertThat(violations(root, List.of("alpha", "beta", "stray"),
                Set.of("alpha", "beta", "stray")))
                .noneMatch(v -> v.startsWith("alpha/")));
    }

    /** Everything wrong with the migration folders under {@code root}, one line each. */
    static List<String> violations(Path root, Collection<String> migrated, Collection<String> contextSchemas) {
        List<String> violations = new ArrayList<>();
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).forEach(f -> folders.add(f.getFileName().toString().replace("/", "")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String folder : folders) {
            if (!migrated.contains(folder)) violations.add(folder + " is a migrations folder of no migrated context schema");
        }
        Set<String> known = new TreeSet<>(contextSchemas);
        known.addAll(migrated);
        known.addAll(folders);
        for (String schema : migrated) {
            Path folder = root.resolve(schema);
            List<Path> scripts = sqlFiles(folder);
            if (scripts.stream().noneMatch(p -> p.getFileName().toString().startsWith("V"))) {
                violations.add(schema + " is migrated but has no migrations folder with a V*.sql");
            }
        }
        for (String folder : folders) {
            for (Path script : sqlFiles(root.resolve(folder))) {
                String sql = withoutCommentsAndLiterals(read(script));
                for (String other : known) {
                    if (other.equals(folder)) continue;
                    if (Pattern.compile("(?<![\\w$\"])\"?" + Pattern.quote(other) + "\"?\\s*\\.\\s*[\"\\w]",
                            Pattern.CASE_INSENSITIVE).matcher(sql).find()) {
                        violations.add(folder + "/" + script.getFileName() + " names schema " + other);
                    }
                }
                if (Pattern.compile("\\bsearch_path\\b", Pattern.CASE_INSENSITIVE).matcher(sql).find()) {
                    violations.add(folder + "/" + script.getFileName() + " changes search_path");
                }
            }
        }
        return violations;
    }

    /** SQL with comments and string literals blanked out, so prose like {@code 'see beta.x'} is not a reference. */
    static String withoutCommentsAndLiterals(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("--[^\\n]*", " ")
                .replaceAll("(?s)\\$([A-Za-z_]*)\\$.*?\\$\\1\\$", "''")
                .replaceAll("'(?:[^']|'')*'", "''");
    }

    private static List<Path> sqlFiles(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a classpath folder whether it is a directory (IDE, reactor) or inside a jar (Maven verify). */
    private static void withMigrationsRoot(String resource, java.util.function.Consumer<Path> check) {
        URL url = DataOwnershipTest.class.getClassLoader().getResource(resource);
        assertThat(url).as("classpath folder %s", resource).isNotNull();
        try {
            if (url.getProtocol().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    check.accept(jar.getPath(resource));
                }
            } else {
                check.accept(Path.of(url.toURI()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
