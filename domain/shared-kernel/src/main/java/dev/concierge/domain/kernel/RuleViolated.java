package dev.concierge.domain.kernel;

import java.util.List;

/** Well-formed input that a business rule refuses, e.g. approving a procedure that was never generated. */
public non-sealed class RuleViolated extends DomainException {
    public RuleViolated(String code, String message) { super(code, message, List.of()); }

    public RuleViolated(String code, String message, List<FieldError> details) { super(code, message, details); }
}
