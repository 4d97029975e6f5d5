package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trip sent for approval: the trip as it was, its estimate frozen at that moment, a justification for each policy
 * violation (by {@link ExpenseEstimate.Violation#key()}), and who may decide it.
 */
public record Submission(TripId trip, UserId submitter, TripDetails details, ExpenseEstimate estimate,
                         Map<String, String> justifications, Approvers approvers, Instant at) {
    public static final int MAX_JUSTIFICATION = 2_000;
    /** (violation key): a violation has no justification. */
    public static final String JUSTIFICATION_MISSING = "justification_missing";

    public Submission {
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(approvers, "approvers");
        Objects.requireNonNull(at, "at");
        justifications = Map.copyOf(justifications);
    }

    /**
     * Refuses a submission in which any violation lacks a justification (naming each one), a justification for a
     * violation the estimate does not have (the plan changed since it was written), or one without an approver.
     */
    public static Submission of(Trip trip, ExpenseEstimate estimate, Map<String, String> justifications, Approvers approvers, Instant at) {
        Map<String, String> kept = new LinkedHashMap<>();
        List<FieldError> problems = new ArrayList<>();
        for (ExpenseEstimate.Violation violation : estimate.violations()) {
            String text = justifications.getOrDefault(violation.key(), "");
            text = text == null ? "" : text.strip();
            if (text.isEmpty()) problems.add(FieldError.of("justifications." + violation.key(), Validation.REQUIRED));
            else if (Validation.length(text) > MAX_JUSTIFICATION) problems.add(FieldError.of("justifications." + violation.key(), Validation.TOO_LONG, MAX_JUSTIFICATION));
            else kept.put(violation.key(), text);
        }
        for (String key : justifications.keySet()) {
            if (estimate.violations().stream().noneMatch(v -> v.key().equals(key))) {
                problems.add(FieldError.of("justifications." + key, Validation.UNKNOWN_FIELD));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolated(JUSTIFICATION_MISSING, "Each policy violation needs a justification before the trip is submitted ("
                    + problems.size() + " missing or unknown).", problems);
        }
        if (approvers.none()) {
            throw new RuleViolated("no_approver", "Nobody can approve this trip: no approver group is configured and no manager is named for "
                    + trip.owner() + ".");
        }
        return new Submission(trip.id(), trip.owner(), trip.details(), estimate, kept, approvers, at);
    }
}
