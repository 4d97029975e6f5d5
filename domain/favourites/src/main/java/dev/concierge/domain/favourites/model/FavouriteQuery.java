package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;

import java.util.Objects;
import java.util.Optional;

/** Which of a user's favourites to list, in which order, which page. */
public record FavouriteQuery(UserId owner, Optional<FavouriteType> type, FavouriteSort sort, PageRequest page) {
    public FavouriteQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }
}
