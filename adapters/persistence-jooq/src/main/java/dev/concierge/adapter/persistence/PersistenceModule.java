package dev.concierge.adapter.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.jooq.DSLContext;

import javax.sql.DataSource;

/** The database every context's repositories share: pool, jOOQ context, health. Every {@link PersistenceContext} adds its module. */
public final class PersistenceModule extends AbstractModule {
    private final Database database;

    /** The database is opened (and migrated) by the caller, which also owns closing it. */
    public PersistenceModule(Database database) { this.database = database; }

    @Override protected void configure() {
        bind(Database.class).toInstance(database);
        for (PersistenceContext context : PersistenceContext.all()) install(context);
    }

    @Provides @Singleton DataSource dataSource() { return database.dataSource(); }

    @Provides @Singleton DSLContext dsl(DataSource dataSource) { return Jooq.context(dataSource); }

    @Provides @Singleton DatabaseHealth databaseHealth(DataSource dataSource) { return new DatabaseHealth(dataSource); }
}
