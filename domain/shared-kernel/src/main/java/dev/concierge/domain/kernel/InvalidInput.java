package dev.concierge.domain.kernel;

import java.util.List;

/** The request itself is malformed: a missing field, a value out of range, a text too long. */
public non-sealed class InvalidInput extends DomainException {
    public InvalidInput(String message, List<FieldError> details) { super("invalid_request", message, details); }

    public InvalidInput(String message, FieldError detail) { this(message, List.of(detail)); }

    /** One field is wrong; the message names it so the person knows what to change. */
    public static InvalidInput field(String field, String problem) {
        return new InvalidInput("Invalid " + field + ": " + problem + ".", FieldError.of(field, problem));
    }
}
