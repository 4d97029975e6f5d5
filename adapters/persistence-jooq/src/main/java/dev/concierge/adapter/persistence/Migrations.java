package dev.concierge.adapter.persistence;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/** Runs every context's Flyway migrations, each into its own schema with its own history table. */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    static final String HISTORY_TABLE = "flyway_schema_history";

    private Migrations() {}

    public static void migrate(DataSource dataSource) {
        for (PersistenceContext context : PersistenceContext.all()) {
            String schema = context.schema();
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .table(HISTORY_TABLE)
                    .locations(context.migrationsLocation())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info("schema {}: {} migration(s) applied, now at version {}", schema, result.migrationsExecuted,
                    result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion);
        }
    }
}
