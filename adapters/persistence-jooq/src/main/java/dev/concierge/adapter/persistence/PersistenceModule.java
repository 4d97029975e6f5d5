package dev.concierge.adapter.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.adapter.persistence.favourites.FavouritesPersistenceModule;
import dev.concierge.adapter.persistence.tripsupport.TripSupportPersistenceModule;
import org.jooq.DSLContext;

import javax.sql.DataSource;

/** The database every context's repositories share: pool, jOOQ context, health. Contexts add their own modules. */
public final class PersistenceModule extends AbstractModule {
    private final Database database;

    /** The database is opened (and migrated) by the caller, which also owns closing it. */
    public PersistenceModule(Database database) { this.database = database; }

    @Override protected void configure() {
        bind(Database.class).toInstance(database);
        install(new FavouritesPersistenceModule());
        install(new TripSupportPersistenceModule());
    }

    @Provides @Singleton DataSource dataSource() { return database.dataSource(); }

    @Provides @Singleton DSLContext dsl(DataSource dataSource) { return Jooq.context(dataSource); }

    @Provides @Singleton DatabaseHealth databaseHealth(DataSource dataSource) { return new DatabaseHealth(dataSource); }
}
