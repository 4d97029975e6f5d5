package dev.concierge.domain.favourites.port.out;

import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.favourites.model.FavouriteQuery;
import dev.concierge.domain.favourites.model.NewFavourite;
import dev.concierge.domain.favourites.model.SavedFavourite;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.UserId;

import java.util.Optional;

/** Where users' favourites are kept. Every read and write is scoped to the owner. */
public interface FavouriteRepository {
    /** Stores the favourite unless the owner already has one with the same type and content; safe under concurrency. */
    SavedFavourite saveIfAbsent(UserId owner, NewFavourite favourite);

    Optional<Favourite> find(UserId owner, FavouriteId id);

    Page<Favourite> list(FavouriteQuery query);

    /**
     * Records {@code user}'s like of the content their favourite holds. Likes count per content across users (everyone
     * who saved the same quote sees the same likes), one per user; none is ever lost or doubled under concurrency.
     * Empty when the favourite is not the user's.
     */
    Optional<Favourite> addLike(UserId user, FavouriteId id);

    Optional<Favourite> removeLike(UserId user, FavouriteId id);

    /** @return false when there was no such favourite of that owner */
    boolean delete(UserId owner, FavouriteId id);
}
