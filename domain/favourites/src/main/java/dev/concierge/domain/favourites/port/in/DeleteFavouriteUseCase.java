package dev.concierge.domain.favourites.port.in;

import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.kernel.UserId;

public interface DeleteFavouriteUseCase {
    void delete(UserId user, FavouriteId id);
}
