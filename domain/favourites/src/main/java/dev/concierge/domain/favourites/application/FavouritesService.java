package dev.concierge.domain.favourites.application;

import dev.concierge.domain.favourites.model.Favourite;
import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.favourites.model.FavouriteNotFound;
import dev.concierge.domain.favourites.model.FavouriteQuery;
import dev.concierge.domain.favourites.model.SavedFavourite;
import dev.concierge.domain.favourites.port.in.DeleteFavouriteUseCase;
import dev.concierge.domain.favourites.port.in.LikeFavouriteCommand;
import dev.concierge.domain.favourites.port.in.LikeFavouriteUseCase;
import dev.concierge.domain.favourites.port.in.ListFavouritesUseCase;
import dev.concierge.domain.favourites.port.in.SaveFavouriteCommand;
import dev.concierge.domain.favourites.port.in.SaveFavouriteUseCase;
import dev.concierge.domain.favourites.port.out.FavouriteRepository;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.UserId;

/** A user's saved favourites: save, list, like, delete. Ownership and uniqueness are enforced by the repository's scoping. */
public final class FavouritesService
        implements SaveFavouriteUseCase, ListFavouritesUseCase, LikeFavouriteUseCase, DeleteFavouriteUseCase {
    private final FavouriteRepository favourites;

    public FavouritesService(FavouriteRepository favourites) { this.favourites = favourites; }

    @Override public SavedFavourite save(SaveFavouriteCommand command) {
        return favourites.saveIfAbsent(command.user(), command.favourite());
    }

    @Override public Page<Favourite> list(FavouriteQuery query) { return favourites.list(query); }

    @Override public Favourite get(UserId user, FavouriteId id) {
        return favourites.find(user, id).orElseThrow(() -> new FavouriteNotFound(id));
    }

    @Override public Favourite like(LikeFavouriteCommand command) {
        return favourites.addLike(command.user(), command.favourite())
                .orElseThrow(() -> new FavouriteNotFound(command.favourite()));
    }

    @Override public Favourite unlike(LikeFavouriteCommand command) {
        return favourites.removeLike(command.user(), command.favourite())
                .orElseThrow(() -> new FavouriteNotFound(command.favourite()));
    }

    @Override public void delete(UserId user, FavouriteId id) {
        if (!favourites.delete(user, id)) throw new FavouriteNotFound(id);
    }
}
