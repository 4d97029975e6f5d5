package dev.concierge.domain.tripsupport.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A day's visits in the order to make them, each with the travel before it and the time to start; and the visits that
 * do not fit, each with the reason (a stable code and its figures, worded by the driving adapter).
 */
public record DayRoute(LocalDate date, Optional<String> startPlace, LocalTime dayStart, LocalTime dayEnd, Method method,
                       List<Leg> legs, List<Unfit> unfit) {
    public DayRoute {
        legs = List.copyOf(legs);
        unfit = List.copyOf(unfit);
    }

    /** How the order was found: every order tried, or the documented insertion heuristic for longer days. */
    public enum Method {
        EXACT, HEURISTIC;

        public String wireName() { return name().toLowerCase(Locale.ROOT); }
    }

    /** Travel to the visit (from the previous stop, or from the start place), the wait on arrival, and the visit. */
    public record Leg(VisitId visit, String place, TravelTime travel, LocalTime arrive, LocalTime start, LocalTime end) {
        public Duration waiting() { return Duration.between(arrive, start); }
    }

    /** A visit left out of the route; {@code reason} is one of {@link RoutePlanner}'s codes, {@code args} its figures. */
    public record Unfit(VisitId visit, String reason, List<Object> args) {
        public Unfit { args = List.copyOf(args); }
    }

    public Duration totalTravel() { return legs.stream().map(l -> l.travel().duration()).reduce(Duration.ZERO, Duration::plus); }

    public Optional<LocalTime> finish() { return legs.isEmpty() ? Optional.empty() : Optional.of(legs.getLast().end()); }
}
