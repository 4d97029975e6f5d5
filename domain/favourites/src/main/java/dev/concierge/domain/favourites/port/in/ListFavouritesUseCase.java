package dev.concierge.domain.favourites.port.in;

import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.favourites.model.FavouriteQuery;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.UserId;

public interface ListFavouritesUseCase {
    Page<Favourite> list(FavouriteQuery query);

    /** The user's own favourite; another user's answers not found. */
    Favourite get(UserId user, FavouriteId id);
}
