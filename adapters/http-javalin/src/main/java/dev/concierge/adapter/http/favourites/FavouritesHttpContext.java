package dev.concierge.adapter.http.favourites;

import dev.concierge.adapter.http.HttpContext;

/** Where this context's messages, OpenAPI fragment and assets are; found through {@code META-INF/services}. */
public final class FavouritesHttpContext implements HttpContext {
    @Override public String name() { return "favourites"; }
}
