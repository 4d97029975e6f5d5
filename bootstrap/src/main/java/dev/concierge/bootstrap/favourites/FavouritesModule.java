package dev.concierge.bootstrap.favourites;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.domain.favourites.application.BrowseQuotesService;
import dev.concierge.domain.favourites.application.FavouritesService;
import dev.concierge.domain.favourites.application.ReadHoroscopesService;
import dev.concierge.domain.favourites.port.in.BrowseQuotesUseCase;
import dev.concierge.domain.favourites.port.in.DeleteFavouriteUseCase;
import dev.concierge.domain.favourites.port.in.LikeFavouriteUseCase;
import dev.concierge.domain.favourites.port.in.ListFavouritesUseCase;
import dev.concierge.domain.favourites.port.in.ReadHoroscopesUseCase;
import dev.concierge.domain.favourites.port.in.SaveFavouriteUseCase;
import dev.concierge.domain.favourites.port.out.FavouriteRepository;
import dev.concierge.domain.favourites.port.out.QuoteCatalogue;

import java.time.Clock;

/** Favourites' use cases, built from its driven ports. */
final class FavouritesModule extends AbstractModule {
    @Override protected void configure() {
        bind(SaveFavouriteUseCase.class).to(FavouritesService.class);
        bind(ListFavouritesUseCase.class).to(FavouritesService.class);
        bind(LikeFavouriteUseCase.class).to(FavouritesService.class);
        bind(DeleteFavouriteUseCase.class).to(FavouritesService.class);
    }

    @Provides @Singleton FavouritesService favourites(FavouriteRepository repository) { return new FavouritesService(repository); }

    @Provides @Singleton BrowseQuotesUseCase quotes(QuoteCatalogue catalogue, Clock clock) { return new BrowseQuotesService(catalogue, clock); }

    @Provides @Singleton ReadHoroscopesUseCase horoscopes(Clock clock) { return new ReadHoroscopesService(clock); }
}
