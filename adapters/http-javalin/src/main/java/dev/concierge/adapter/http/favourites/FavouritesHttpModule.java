package dev.concierge.adapter.http.favourites;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.adapter.http.wiring.HttpModule;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.web.NavigationEntry;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.domain.favourites.port.in.BrowseQuotesUseCase;
import dev.concierge.domain.favourites.port.in.DeleteFavouriteUseCase;
import dev.concierge.domain.favourites.port.in.LikeFavouriteUseCase;
import dev.concierge.domain.favourites.port.in.ListFavouritesUseCase;
import dev.concierge.domain.favourites.port.in.ReadHoroscopesUseCase;
import dev.concierge.domain.favourites.port.in.SaveFavouriteUseCase;

import java.time.Clock;

/** Favourites' API and page, wired to the favourites use cases. */
public final class FavouritesHttpModule extends AbstractModule {
    @Override protected void configure() {
        HttpModule.routes(binder()).addBinding().to(FavouriteRoutes.class);
        HttpModule.routes(binder()).addBinding().to(FavouritesPage.class);
        HttpModule.navigation(binder()).addBinding().toInstance(
                new NavigationEntry("favourites", "/favourites", "nav.favourites", "home.favourites", 30));
    }

    @Provides @Singleton FavouriteRoutes favouriteRoutes(BrowseQuotesUseCase quotes, ReadHoroscopesUseCase horoscopes,
                                                         SaveFavouriteUseCase save, ListFavouritesUseCase list,
                                                         LikeFavouriteUseCase like, DeleteFavouriteUseCase delete,
                                                         CurrentUser user, ObjectMapper mapper, Clock clock) {
        return new FavouriteRoutes(quotes, horoscopes, save, list, like, delete, user, mapper, clock.getZone());
    }

    @Provides @Singleton FavouritesPage favouritesPage(BrowseQuotesUseCase quotes, ReadHoroscopesUseCase horoscopes,
                                                       ListFavouritesUseCase list, CurrentUser user, PageRenderer renderer,
                                                       Clock clock) {
        return new FavouritesPage(quotes, horoscopes, list, user, renderer, clock);
    }
}
