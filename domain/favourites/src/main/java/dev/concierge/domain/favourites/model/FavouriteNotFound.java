package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.NotFound;

public final class FavouriteNotFound extends NotFound {
    public FavouriteNotFound(FavouriteId id) { super("Favourite " + id + " does not exist."); }
}
