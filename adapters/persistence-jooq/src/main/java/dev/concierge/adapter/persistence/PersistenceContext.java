package dev.concierge.adapter.persistence;

import com.google.inject.Module;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * One bounded context's part of the persistence adapter, found on the class path so that shared persistence code
 * names no context. A context declares it with one line, its implementing class, in
 * {@code META-INF/services/dev.concierge.adapter.persistence.PersistenceContext}. The implementation is the
 * context's Guice module of its driven ports (public, with a no-argument constructor). From it:
 * <ul>
 *     <li>{@link Migrations} migrates {@link #schema()} from {@link #migrationsLocation()}, with the history table in
 *     that schema (rule 7: one schema, one Flyway location, one history per context);</li>
 *     <li>the jOOQ code generation reads the schema into package {@code ...persistence.jooq.<schema>};</li>
 *     <li>{@link PersistenceModule} installs it: it binds the context's driven ports (repositories, queues) on the
 *     shared {@code DSLContext}.</li>
 * </ul>
 */
public interface PersistenceContext extends Module {
    /** The context's own PostgreSQL schema, lower case with underscores, e.g. {@code order_desk}. */
    String schema();

    /** Where its Flyway migrations are; by convention {@code db/migration/<schema>/} on the class path. */
    default String migrationsLocation() { return "classpath:db/migration/" + schema(); }

    /** Every context on the class path, ordered by schema; two claiming one schema is a start-up error. */
    static List<PersistenceContext> all() {
        List<PersistenceContext> found = new ArrayList<>();
        ServiceLoader.load(PersistenceContext.class, PersistenceContext.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(PersistenceContext::schema));
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).schema().equals(found.get(i - 1).schema())) {
                throw new IllegalStateException("two persistence contexts claim schema '" + found.get(i).schema() + "': "
                        + found.get(i - 1).getClass().getName() + " and " + found.get(i).getClass().getName());
            }
        }
        return List.copyOf(found);
    }
}
