package dev.concierge.domain.kernel;

import java.util.List;

/** The request clashes with the current state, e.g. an edit based on an outdated revision. */
public non-sealed class Conflict extends DomainException {
    public Conflict(String code, String message) { super(code, message, List.of()); }
}
