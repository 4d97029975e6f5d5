package dev.concierge.domain.kernel;

import java.util.List;

/** Something the request needs (a model, the database) cannot be reached now; the message says what to start or set. */
public non-sealed class Unavailable extends DomainException {
    public Unavailable(String code, String message) { super(code, message, List.of()); }
}
