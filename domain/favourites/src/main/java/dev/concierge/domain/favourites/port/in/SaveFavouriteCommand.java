package dev.concierge.domain.favourites.port.in;

import dev.concierge.domain.favourites.model.NewFavourite;
import dev.concierge.domain.kernel.UserId;

import java.util.Objects;

public record SaveFavouriteCommand(UserId user, NewFavourite favourite) {
    public SaveFavouriteCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(favourite, "favourite");
    }
}
