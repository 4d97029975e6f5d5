package dev.concierge.domain.favourites.model;

/** A quote from the catalogue shipped with the app. */
public record Quote(long id, String text, String author) {
}
