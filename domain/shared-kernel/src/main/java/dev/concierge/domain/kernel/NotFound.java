package dev.concierge.domain.kernel;

import java.util.List;

/** The object does not exist, or is not the caller's to see: both answer the same, so ids leak nothing. */
public non-sealed class NotFound extends DomainException {
    public NotFound(String message) { super("not_found", message, List.of()); }
}
