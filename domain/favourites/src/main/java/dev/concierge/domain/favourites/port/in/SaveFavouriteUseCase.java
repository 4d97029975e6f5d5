package dev.concierge.domain.favourites.port.in;

import dev.concierge.domain.favourites.model.SavedFavourite;

public interface SaveFavouriteUseCase {
    /** Saves new content, or returns the user's existing favourite with the same type and content. */
    SavedFavourite save(SaveFavouriteCommand command);
}
