package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.Characters;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Content a user wants to keep. Content is compared after trimming, so saving the same quote twice finds the
 * first one instead of creating a twin.
 */
public record NewFavourite(FavouriteType type, String content, String author) {
    public static final int MAX_CONTENT_LENGTH = 2_000;
    public static final int MAX_AUTHOR_LENGTH = 200;

    public NewFavourite {
        Objects.requireNonNull(type, "type");
        content = content == null ? null : content.strip();
        author = author == null || author.isBlank() ? null : author.strip();
        List<FieldError> errors = new ArrayList<>();
        if (content == null || content.isEmpty()) errors.add(FieldError.of("content", "must not be blank"));
        else if (Characters.count(content) > MAX_CONTENT_LENGTH) errors.add(FieldError.of("content", "must be at most " + MAX_CONTENT_LENGTH + " characters"));
        if (author != null && Characters.count(author) > MAX_AUTHOR_LENGTH) errors.add(FieldError.of("author", "must be at most " + MAX_AUTHOR_LENGTH + " characters"));
        if (!errors.isEmpty()) throw new InvalidInput("The favourite is not valid.", errors);
    }
}
