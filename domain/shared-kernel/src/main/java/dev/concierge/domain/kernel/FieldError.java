package dev.concierge.domain.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with one input field: a stable code ({@link Validation}'s vocabulary) and the figures it needs, such
 * as a maximum length. Never a sentence: the driving adapter renders it in the person's language.
 */
public record FieldError(String field, String code, List<Object> args) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String code, Object... args) { return new FieldError(field, code, Arrays.asList(args)); }

    /** The same error on a field inside another, e.g. {@code items[2].} + {@code title}. */
    public FieldError under(String prefix) { return new FieldError(prefix + field, code, args); }

    /** For logs and developers, e.g. {@code title: length [1, 200]}. */
    @Override public String toString() { return field + ": " + code + (args.isEmpty() ? "" : " " + args); }
}
