package dev.concierge.domain.favourites.port.in;

import dev.concierge.domain.favourites.model.Favourite;

public interface LikeFavouriteUseCase {
    /** Adds the user's like; a second like by the same user changes nothing. */
    Favourite like(LikeFavouriteCommand command);

    /** Takes the user's like back; unliking what was not liked changes nothing. */
    Favourite unlike(LikeFavouriteCommand command);
}
