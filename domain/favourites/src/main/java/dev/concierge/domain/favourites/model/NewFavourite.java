package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;
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
        Validation errors = new Validation();
        if (content == null || content.isEmpty()) errors.add("content", Validation.BLANK);
        else if (Validation.length(content) > MAX_CONTENT_LENGTH) errors.add("content", Validation.TOO_LONG, MAX_CONTENT_LENGTH);
        if (author != null && Validation.length(author) > MAX_AUTHOR_LENGTH) errors.add("author", Validation.TOO_LONG, MAX_AUTHOR_LENGTH);
        errors.throwIfInvalid();
    }
}
