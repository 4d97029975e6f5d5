package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.PageRequest;

import java.util.Objects;
import java.util.Optional;

/** Find quotes whose text contains {@code text} and whose author contains {@code author}, case-insensitively. */
public record QuoteSearch(Optional<String> text, Optional<String> author, PageRequest page) {
    public static final int MAX_TERM_LENGTH = 200;

    public QuoteSearch {
        text = clean("q", text);
        author = clean("author", author);
        Objects.requireNonNull(page, "page");
    }

    private static Optional<String> clean(String field, Optional<String> term) {
        Optional<String> stripped = term.map(String::strip).filter(t -> !t.isEmpty());
        if (stripped.isPresent() && Validation.length(stripped.get()) > MAX_TERM_LENGTH) {
            throw InvalidInput.field(field, Validation.TOO_LONG, MAX_TERM_LENGTH);
        }
        return stripped;
    }
}
