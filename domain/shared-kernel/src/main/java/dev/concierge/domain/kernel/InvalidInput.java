package dev.concierge.domain.kernel;

import java.util.List;
import java.util.stream.Collectors;

/** The request itself is malformed: a missing field, a value out of range, a text too long. Each problem is a detail. */
public non-sealed class InvalidInput extends DomainException {
    public InvalidInput(List<FieldError> details) {
        super("invalid_request", details.stream().map(FieldError::toString).collect(Collectors.joining("; ", "invalid input: ", "")), details);
        if (details.isEmpty()) throw new IllegalArgumentException("an invalid input names at least one problem");
    }

    /** One field is wrong. */
    public static InvalidInput field(String field, String code, Object... args) {
        return new InvalidInput(List.of(FieldError.of(field, code, args)));
    }
}
