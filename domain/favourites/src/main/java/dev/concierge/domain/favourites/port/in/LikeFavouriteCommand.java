package dev.concierge.domain.favourites.port.in;

import dev.concierge.domain.favourites.model.FavouriteId;
import dev.concierge.domain.kernel.UserId;

import java.util.Objects;

public record LikeFavouriteCommand(UserId user, FavouriteId favourite) {
    public LikeFavouriteCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(favourite, "favourite");
    }
}
