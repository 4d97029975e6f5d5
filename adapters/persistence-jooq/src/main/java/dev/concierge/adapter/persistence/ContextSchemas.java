package dev.concierge.adapter.persistence;

import java.util.List;

/** The PostgreSQL schema of each bounded context: each has its own migrations folder and Flyway history table. */
public final class ContextSchemas {
    public static final String FAVOURITES = "favourites";
    public static final String TEST_CASE_GENERATION = "test_case_generation";
    public static final String TRIP_SUPPORT = "trip_support";

    /** Every context schema, in migration order (contexts never reference each other, so order is cosmetic). */
    public static final List<String> ALL = List.of(FAVOURITES, TEST_CASE_GENERATION, TRIP_SUPPORT);

    private ContextSchemas() {}

    public static String migrationsLocation(String schema) { return "classpath:db/migration/" + schema; }
}
