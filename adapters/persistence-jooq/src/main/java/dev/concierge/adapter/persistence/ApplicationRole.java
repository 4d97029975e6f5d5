package dev.concierge.adapter.persistence;

import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The least-privileged role the pool connects as, kept in shape by the schemas' owner at every start: it may log in
 * with the configured password, use each context schema and read and write its rows (tables created later too), but
 * not create, alter or drop anything, nor touch Flyway's history. Names go through jOOQ's identifier quoting and the
 * password through the driver's client-side SCRAM hashing, so neither can change the statements, and the plain
 * password never reaches the server's statement log.
 */
final class ApplicationRole {
    /** Instances starting together would otherwise GRANT on the same objects at once, which PostgreSQL refuses. */
    private static final long START_LOCK = 0x436F_6E63_6965_7267L;

    private ApplicationRole() {}

    static void ensure(Connection owner, String role, String password, List<String> schemas) throws SQLException {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try {
            DSLContext sql = DSL.using(owner, SQLDialect.POSTGRES);
            sql.execute("SELECT pg_advisory_xact_lock({0})", DSL.inline(START_LOCK));
            Name name = DSL.name(role);
            boolean exists = sql.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("pg_catalog", "pg_roles")))
                    .where(DSL.field(DSL.name("rolname"), String.class).eq(role)));
            sql.execute(exists ? "ALTER ROLE {0} LOGIN" : "CREATE ROLE {0} LOGIN", name);
            owner.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), null);
            for (String schema : schemas) {
                Name s = DSL.name(schema);
                sql.execute("GRANT USAGE ON SCHEMA {0} TO {1}", s, name);
                sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {0} TO {1}", s, name);
                sql.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {0} TO {1}", s, name);
                sql.execute("REVOKE ALL ON {0} FROM {1}", DSL.name(schema, Migrations.HISTORY_TABLE), name);
                // Objects the owner creates in later migrations: without these, a new table would be out of reach.
                sql.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA {0} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {1}", s, name);
                sql.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA {0} GRANT USAGE, SELECT ON SEQUENCES TO {1}", s, name);
            }
            owner.commit();
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }
}
