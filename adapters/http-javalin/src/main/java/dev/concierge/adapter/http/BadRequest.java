package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;

import java.util.List;

/** Input the HTTP layer itself refuses (unreadable JSON, wrong parameter types) before any use case runs. */
public final class BadRequest extends RuntimeException {
    private final String code;
    private final List<FieldError> details;
    private final boolean worded; // the message is already the person's sentence, in their language

    public BadRequest(String code, String message, List<FieldError> details) { this(code, message, details, false); }

    private BadRequest(String code, String message, List<FieldError> details, boolean worded) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
        this.worded = worded;
    }

    /** Invalid input whose sentence the edge words itself (from its own bundle, saying where in a file, say). */
    public static BadRequest worded(String message, List<FieldError> details) {
        return new BadRequest("invalid_request", message, details, true);
    }

    public static BadRequest of(InvalidInput invalid) {
        return new BadRequest(invalid.code(), invalid.getMessage(), invalid.details());
    }

    /** The problems are the whole story: the answer's sentence is written from them in the request's language. */
    public static BadRequest of(List<FieldError> problems) {
        return new BadRequest("invalid_request", problems.stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""), problems);
    }

    /** The sentence comes from the details (not this exception's own text, which is for logs). */
    public boolean describedByDetails() { return !worded && "invalid_request".equals(code) && !details.isEmpty(); }

    public String code() { return code; }

    public List<FieldError> details() { return details; }
}
