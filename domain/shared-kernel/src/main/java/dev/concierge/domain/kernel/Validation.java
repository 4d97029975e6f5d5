package dev.concierge.domain.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects every problem of one input, so a person sees all of them at once, then throws one {@link InvalidInput}.
 * Lengths are counted in Unicode code points, as OpenAPI's {@code maxLength} counts them (an emoji is one character).
 * The codes are the vocabulary the driving adapter renders; each constant says which figures it carries.
 */
public final class Validation {
    /** (): the field is missing. */
    public static final String REQUIRED = "required";
    /** (): the text is empty or only spaces. */
    public static final String BLANK = "blank";
    /** (min, max): a text's length in characters. */
    public static final String LENGTH = "length";
    /** (max): a text's length in characters. */
    public static final String TOO_LONG = "too_long";
    /** (max): each entry of a list of texts, in characters. */
    public static final String EACH_TOO_LONG = "each_too_long";
    /** (min): entries in a list. */
    public static final String TOO_FEW = "too_few";
    /** (max): entries in a list. */
    public static final String TOO_MANY = "too_many";
    /** (min, max): a number. */
    public static final String RANGE = "range";
    /** (allowed, comma-separated): one of a fixed set of words. */
    public static final String ONE_OF = "one_of";
    /** (): an id. */
    public static final String POSITIVE_WHOLE_NUMBER = "positive_whole_number";
    /** (): a number without a fraction. */
    public static final String WHOLE_NUMBER = "whole_number";
    /** (example): a value written in the wrong form, e.g. a date. */
    public static final String FORMAT = "format";
    /** (other field): a time or date before the one it follows. */
    public static final String BEFORE = "before";
    /** (first, last): a date or time outside a period. */
    public static final String OUTSIDE = "outside";
    /** (value): the value is already used by an earlier entry. */
    public static final String DUPLICATE = "duplicate";
    /** (): a field the request does not know. */
    public static final String UNKNOWN_FIELD = "unknown_field";
    /** (expected type): a JSON value of the wrong type. */
    public static final String WRONG_TYPE = "wrong_type";

    private final List<FieldError> errors = new ArrayList<>();

    /** Characters as a person counts them (and OpenAPI's maxLength): {@link Characters#count}, the kernel's one count. */
    public static int length(String text) { return Characters.count(text); }

    public Validation add(String field, String code, Object... args) {
        errors.add(FieldError.of(field, code, args));
        return this;
    }

    public Validation addAll(Collection<FieldError> more) {
        errors.addAll(more);
        return this;
    }

    /** Adds the error unless {@code ok}. */
    public Validation check(boolean ok, String field, String code, Object... args) {
        if (!ok) add(field, code, args);
        return this;
    }

    public Validation required(Object value, String field) { return check(value != null, field, REQUIRED); }

    /** A text of {@code min} to {@code max} characters; with {@code min} 0, an absent (null) text is fine too. */
    public Validation text(String field, String value, int min, int max) {
        int length = value == null ? 0 : length(value);
        if (min > 0 && (value == null || value.isBlank())) return add(field, min == 1 && max == Integer.MAX_VALUE ? BLANK : LENGTH, min, max);
        if (length < min || length > max) return min == 0 ? add(field, TOO_LONG, max) : add(field, LENGTH, min, max);
        return this;
    }

    public Validation maxLength(String field, String value, int max) { return text(field, value, 0, max); }

    /** A list of at most {@code max} texts of at most {@code maxEach} characters each. */
    public Validation texts(String field, Collection<String> values, int max, int maxEach) {
        check(values.size() <= max, field, TOO_MANY, max);
        return check(values.stream().allMatch(v -> v == null || length(v) <= maxEach), field, EACH_TOO_LONG, maxEach);
    }

    public Validation range(String field, long value, long min, long max) { return check(value >= min && value <= max, field, RANGE, min, max); }

    /**
     * Builds a nested value (an entry of a list, say), keeping its problems under {@code prefix}, e.g. {@code items[2].}:
     * empty when it is not valid.
     */
    public <T> Optional<T> nested(String prefix, Supplier<T> build) {
        try {
            return Optional.of(build.get());
        } catch (InvalidInput invalid) {
            invalid.details().forEach(error -> errors.add(error.under(prefix)));
            return Optional.empty();
        }
    }

    public boolean isValid() { return errors.isEmpty(); }

    public List<FieldError> errors() { return List.copyOf(errors); }

    /** Throws every problem collected so far as one {@link InvalidInput}; does nothing when there is none. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) throw new InvalidInput(errors);
    }
}
