package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.Validation;

import java.time.Duration;
import java.time.LocalTime;

/**
 * When, on its day, a customer can receive the visit: the whole visit (not only its start) must fall between
 * {@code from} and {@code until}. A visit without one may be anywhere in the day the route is planned for.
 */
public record VisitWindow(LocalTime from, LocalTime until) {
    public VisitWindow {
        Validation problems = new Validation();
        if (from == null) problems.add("from", Validation.REQUIRED);
        if (until == null) problems.add("until", Validation.REQUIRED);
        if (from != null && until != null && !until.isAfter(from)) problems.add("until", Validation.BEFORE, "from");
        problems.throwIfInvalid();
    }

    public Duration length() { return Duration.between(from, until); }
}
