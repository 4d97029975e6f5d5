package dev.concierge.adapter.persistence.favourites;

import com.google.inject.AbstractModule;
import dev.concierge.adapter.persistence.PersistenceContext;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.domain.favourites.port.out.FavouriteRepository;
import dev.concierge.domain.favourites.port.out.QuoteCatalogue;
import org.jooq.DSLContext;

/** Favourites' driven ports, backed by the {@code favourites} schema. */
public final class FavouritesPersistenceModule extends AbstractModule implements PersistenceContext {
    @Override public String schema() { return "favourites"; }

    @Provides @Singleton FavouriteRepository favouriteRepository(DSLContext dsl) { return new JooqFavouriteRepository(dsl); }

    @Provides @Singleton QuoteCatalogue quoteCatalogue(DSLContext dsl) { return new JooqQuoteCatalogue(dsl); }
}
