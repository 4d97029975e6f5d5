package dev.concierge.domain.tripsupport.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What an itinerary must respect, whoever wrote it: the trip's days (the rule saving enforces, {@link Itinerary#requireWithin}),
 * the customer visits already planned, the travel between places (the travel times the day's route uses) and a bed for
 * each night away. Reports every violation instead of stopping at the first, so a drafter can repair them all at once.
 */
public final class ItineraryRules {
    /** (item date, trip start, trip end): the item is not on a day of the trip. */
    public static final String OUTSIDE_TRIP = "outside_trip";
    /** (company, date, start time): no meeting item starts at the visit's date and time. */
    public static final String VISIT_MISSING = "visit_missing";
    /** (item title, company, visit start, visit end): the item takes place while a customer visit does. */
    public static final String OVERLAPS_VISIT = "overlaps_visit";
    /** (from place, to place, minutes needed, minutes left): too little time between two places in different cities. */
    public static final String NO_TIME_TO_TRAVEL = "no_time_to_travel";
    /** (date): a night of the trip away from home has no hotel item. */
    public static final String NIGHT_WITHOUT_HOTEL = "night_without_hotel";
    public static final List<String> RULES = List.of(OUTSIDE_TRIP, VISIT_MISSING, OVERLAPS_VISIT, NO_TIME_TO_TRAVEL, NIGHT_WITHOUT_HOTEL);

    private ItineraryRules() {}

    public static List<ItineraryViolation> check(TripDetails trip, List<CustomerVisit> visits, Itinerary itinerary,
                                                 BiFunction<String, String, TravelTime> travel) {
        List<ItineraryItem> items = itinerary.items();
        List<CustomerVisit> byStart = visits.stream().sorted(Comparator.comparing((CustomerVisit v) -> v.details().startsAt())
                .thenComparingLong(v -> v.id().value())).toList();
        List<ItineraryViolation> found = new ArrayList<>();
        for (int i : itinerary.outside(trip)) {
            found.add(new ItineraryViolation(OUTSIDE_TRIP, i, Optional.empty(), List.of(items.get(i).date(), trip.startDate(), trip.endDate())));
        }
        for (CustomerVisit visit : byStart) {
            if (meetingOf(visit, items) < 0) {
                VisitDetails d = visit.details();
                found.add(new ItineraryViolation(VISIT_MISSING, -1, Optional.of(visit.id()),
                        List.of(d.company(), d.startsAt().toLocalDate(), d.startsAt().toLocalTime())));
            }
        }
        for (int i = 0; i < items.size(); i++) {
            ItineraryItem item = items.get(i);
            if (item.kind() == ItineraryKind.HOTEL) continue; // a stay spans the night; check-in and check-out are loose
            for (CustomerVisit visit : byStart) {
                if (isMeetingOf(item, visit) || !overlaps(item, visit.details())) continue;
                VisitDetails d = visit.details();
                found.add(new ItineraryViolation(OVERLAPS_VISIT, i, Optional.of(visit.id()),
                        List.of(item.title(), d.company(), d.startsAt().toLocalTime(), d.endsAt().toLocalTime())));
            }
        }
        found.addAll(travelGaps(items, byStart, travel));
        for (LocalDate night = trip.startDate(); night.isBefore(trip.endDate()); night = night.plusDays(1)) {
            LocalDate date = night;
            if (items.stream().noneMatch(item -> item.kind() == ItineraryKind.HOTEL && item.date().equals(date))) {
                found.add(new ItineraryViolation(NIGHT_WITHOUT_HOTEL, -1, Optional.empty(), List.of(date)));
            }
        }
        return List.copyOf(found);
    }

    /**
     * Between two consecutive things to attend (meetings, meals, free time with a place) on one day, the time left must
     * cover the travel between their places. Only moves between two different known cities count (the table's or the
     * distance's figure): inside a city, or where a place names no city, the figure is a guess and a draft is not
     * rejected on a guess.
     */
    private static List<ItineraryViolation> travelGaps(List<ItineraryItem> items, List<CustomerVisit> visits,
                                                       BiFunction<String, String, TravelTime> travel) {
        List<ItineraryViolation> found = new ArrayList<>();
        int previous = -1;
        for (int i = 0; i < items.size(); i++) {
            ItineraryItem item = items.get(i);
            boolean attended = item.kind() == ItineraryKind.MEETING || item.kind() == ItineraryKind.MEAL || item.kind() == ItineraryKind.FREE_TIME;
            if (!attended || item.place().isEmpty()) continue;
            if (previous >= 0 && items.get(previous).date().equals(item.date())) {
                ItineraryItem before = items.get(previous);
                LocalDateTime free = end(before, visits);
                LocalDateTime next = item.date().atTime(item.start());
                long left = Math.max(0, Duration.between(free, next).toMinutes());
                TravelTime needed = travel.apply(before.place(), item.place());
                long minutes = (needed.duration().toSeconds() + 59) / 60;
                boolean known = needed.basis() == TravelTime.Basis.TABLE || needed.basis() == TravelTime.Basis.DISTANCE;
                if (known && minutes > left) {
                    found.add(new ItineraryViolation(NO_TIME_TO_TRAVEL, i, Optional.empty(), List.of(before.place(), item.place(), minutes, left)));
                }
            }
            previous = i;
        }
        return found;
    }

    /** When the item frees the traveller: its end, a visit's end for the visit's meeting, else its start (length unknown). */
    private static LocalDateTime end(ItineraryItem item, List<CustomerVisit> visits) {
        for (CustomerVisit visit : visits) if (isMeetingOf(item, visit)) return visit.details().endsAt();
        LocalDateTime start = item.date().atTime(item.start());
        return item.end().map(item.date()::atTime).filter(end -> !end.isBefore(start)).orElse(start);
    }

    private static int meetingOf(CustomerVisit visit, List<ItineraryItem> items) {
        for (int i = 0; i < items.size(); i++) if (isMeetingOf(items.get(i), visit)) return i;
        return -1;
    }

    private static boolean isMeetingOf(ItineraryItem item, CustomerVisit visit) {
        LocalDateTime starts = visit.details().startsAt();
        return item.kind() == ItineraryKind.MEETING && item.date().equals(starts.toLocalDate()) && item.start().equals(starts.toLocalTime());
    }

    /** An item without an end is a moment: it overlaps a visit it falls inside. */
    private static boolean overlaps(ItineraryItem item, VisitDetails visit) {
        LocalDateTime start = item.date().atTime(item.start());
        LocalDateTime end = item.end().map(item.date()::atTime).filter(e -> e.isAfter(start)).orElse(start);
        if (end.equals(start)) return !start.isBefore(visit.startsAt()) && start.isBefore(visit.endsAt());
        return start.isBefore(visit.endsAt()) && visit.startsAt().isBefore(end);
    }
}
