package dev.concierge.adapter.persistence.favourites;

import com.google.inject.AbstractModule;
import dev.concierge.adapter.persistence.PersistenceContext;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.domain.favourites.port.out.FavouriteRepository;
import dev.concierge.domain.favourites.port.out.QuoteCatalogue;
import dev.concierge.adapter.persistence.sql.PlainSql;
import org.jooq.DSLContext;

import javax.sql.DataSource;

/** Favourites' driven ports, backed by the {@code favourites} schema. */
public final class FavouritesPersistenceModule extends AbstractModule implements PersistenceContext {
    @Override public String schema() { return "favourites"; }

    @Provides @Singleton FavouriteRepository favouriteRepository(DSLContext dsl, DataSource dataSource) {
        return new JooqFavouriteRepository(dsl, new PlainSql(dataSource));
    }

    @Provides @Singleton QuoteCatalogue quoteCatalogue(DSLContext dsl) { return new JooqQuoteCatalogue(dsl); }
}
