package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.RuleViolated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Where visits may be: inside the trip's dates. Overlaps are allowed but reported, so the user decides. */
public final class VisitRules {
    private VisitRules() {}

    /** A visit must start and end on days of the trip; one ending exactly at midnight ends on the day before. */
    public static void requireInsideTrip(TripDetails trip, VisitDetails visit) {
        if (!trip.covers(visit.startsAt().toLocalDate()) || !trip.covers(visit.endsAt().minusNanos(1).toLocalDate())) {
            throw new RuleViolated("visit_outside_trip", "The visit on " + visit.startsAt().toLocalDate() + " is outside the trip ("
                    + trip.startDate() + " to " + trip.endDate() + "). Move the visit or change the trip dates.",
                    List.of(FieldError.of("startsAt", Validation.OUTSIDE, trip.startDate(), trip.endDate())));
        }
    }

    /** Every pair of visits whose times overlap, earliest first. */
    public static List<Overlap> overlaps(List<CustomerVisit> visits) {
        List<CustomerVisit> sorted = visits.stream().sorted(Comparator.comparing((CustomerVisit v) -> v.details().startsAt())).toList();
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size() && sorted.get(j).details().startsAt().isBefore(sorted.get(i).details().endsAt()); j++) {
                overlaps.add(new Overlap(sorted.get(i).id(), sorted.get(j).id()));
            }
        }
        return overlaps;
    }

    public record Overlap(VisitId first, VisitId second) {}
}
