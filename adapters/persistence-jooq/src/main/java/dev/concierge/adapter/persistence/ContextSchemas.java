package dev.concierge.adapter.persistence;

import java.util.List;

/** The PostgreSQL schema of each bounded context on the class path ({@link PersistenceContext}s). */
public final class ContextSchemas {
    /** Every context schema, in migration order (contexts never reference each other, so order is cosmetic). */
    public static final List<String> ALL = PersistenceContext.all().stream().map(PersistenceContext::schema).toList();

    private ContextSchemas() {}

    public static String migrationsLocation(String schema) { return "classpath:db/migration/" + schema; }
}
