package dev.concierge.domain.kernel;

import java.util.List;

/**
 * The few meanings every context's failures share. Adapters map a meaning (not found, invalid, rule violated,
 * conflict, unavailable) once, so a new exception in a context needs no adapter change.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, InvalidInput, RuleViolated, Conflict, Unavailable {

    private final String code;
    private final List<FieldError> details;

    protected DomainException(String code, String message, List<FieldError> details) {
        super(message, null, false, false); // expected outcomes: no stack trace needed
        this.code = code;
        this.details = List.copyOf(details);
    }

    /** Stable, machine-readable code such as {@code not_found} or {@code visit_outside_trip}. */
    public String code() { return code; }

    public List<FieldError> details() { return details; }
}
