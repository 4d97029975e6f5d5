package dev.concierge.domain.kernel;

/** One thing wrong with one input field, in words a person can act on. */
public record FieldError(String field, String message) {
    public static FieldError of(String field, String message) { return new FieldError(field, message); }
}
