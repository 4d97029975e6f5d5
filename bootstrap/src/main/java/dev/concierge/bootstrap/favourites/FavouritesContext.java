package dev.concierge.bootstrap.favourites;

import com.google.inject.Module;
import dev.concierge.adapter.http.favourites.FavouritesHttpModule;
import dev.concierge.bootstrap.ContextModule;
import dev.concierge.bootstrap.Settings;

/** Favourites: its use cases and its API and page. */
public final class FavouritesContext implements ContextModule {
    @Override public Module module(Settings settings) { return new FavouritesModule(); }

    @Override public Module httpModule(Settings settings) { return new FavouritesHttpModule(); }
}
