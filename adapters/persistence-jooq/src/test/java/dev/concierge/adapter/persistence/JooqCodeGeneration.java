package dev.concierge.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Path;

/**
 * Regenerates the committed jOOQ classes: migrates a throw-away embedded PostgreSQL with the real migrations and
 * reads its catalogue. Run by {@code ./concierge generate-jooq}; {@code GeneratedJooqCodeIsCurrentTest} fails when
 * a migration changed without regenerating.
 */
public final class JooqCodeGeneration {
    public static final String PACKAGE = "dev.concierge.adapter.persistence.jooq";

    public static void main(String[] args) throws Exception {
        generate(Path.of(args[0]));
    }

    public static void generate(Path targetDirectory) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Migrations.migrate(postgres.getPostgresDatabase());
            for (String schema : ContextSchemas.ALL) {
                GenerationTool.generate(configuration(postgres.getJdbcUrl("postgres", "postgres"), schema, targetDirectory));
            }
        }
    }

    /** One package per context schema, so architecture rules can see which context's tables a class touches. */
    private static Configuration configuration(String jdbcUrl, String schema, Path targetDirectory) {
        var database = new Database()
                .withName("org.jooq.meta.postgres.PostgresDatabase")
                .withInputSchema(schema)
                .withExcludes("flyway_schema_history");
        return new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(jdbcUrl).withUser("postgres"))
                .withGenerator(new Generator()
                        .withDatabase(database)
                        .withGenerate(new Generate()
                                .withGeneratedAnnotation(false)
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withJavaTimeTypes(true)
                                .withComments(false))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE + "." + schema)
                                .withDirectory(targetDirectory.toAbsolutePath().toString())
                                .withClean(true)));
    }
}
