package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.UserId;

import java.time.Instant;

/**
 * A saved quote or horoscope, as its owner sees it: {@code likes} counts every user who likes the same content,
 * {@code likedByOwner} whether the owner is one of them.
 */
public record Favourite(FavouriteId id, UserId owner, FavouriteType type, String content, String author,
                        Instant createdAt, int likes, boolean likedByOwner) {
}
