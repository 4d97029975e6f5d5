package dev.concierge.domain.favourites.model;

/** The outcome of saving: the favourite, and whether it is new or was already saved. */
public record SavedFavourite(Favourite favourite, boolean created) {
}
