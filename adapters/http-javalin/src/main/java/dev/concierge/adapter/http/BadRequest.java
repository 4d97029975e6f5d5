package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;

import java.util.List;

/** Input the HTTP layer itself refuses (unreadable JSON, wrong parameter types) before any use case runs. */
public final class BadRequest extends RuntimeException {
    private final String code;
    private final List<FieldError> details;

    public BadRequest(String code, String message, List<FieldError> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static BadRequest of(InvalidInput invalid) {
        return new BadRequest(invalid.code(), invalid.getMessage(), invalid.details());
    }

    /** The problems are the whole story: the answer's sentence is written from them in the request's language. */
    public static BadRequest of(List<FieldError> problems) {
        return new BadRequest("invalid_request", problems.stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""), problems);
    }

    /** The sentence comes from the details (not this exception's own text, which is for logs). */
    public boolean describedByDetails() { return "invalid_request".equals(code) && !details.isEmpty(); }

    public String code() { return code; }

    public List<FieldError> details() { return details; }
}
