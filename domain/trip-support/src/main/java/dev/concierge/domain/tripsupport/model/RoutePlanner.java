package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.Validation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Orders a day's visits to fit their time windows with the travel between them. Deterministic: the same visits and
 * travel times always give the same route.
 * <p>
 * The goal, in order: as many visits as possible; then the earliest end of the last visit; then the least travel.
 * Arriving early is allowed (the route waits for the window to open). Up to {@link #EXACT_LIMIT} visits the first two
 * are exact: a dynamic programme over (visits made, last visit) keeps the earliest finish, which dominates any later
 * one. Beyond that, the insertion heuristic: visits by closing time, each inserted where the day ends earliest.
 */
public final class RoutePlanner {
    public static final int EXACT_LIMIT = 10;
    public static final int MAX_STOPS = 40;

    /** (window minutes, visit minutes): the visit is longer than its own window. */
    public static final String WINDOW_TOO_SHORT = "window_too_short";
    /** (day start, day end): the visit's window leaves no room for it inside the day planned. */
    public static final String OUTSIDE_DAY = "outside_day";
    /** (travel minutes, latest start): even going there first, the visit cannot start in time. */
    public static final String UNREACHABLE = "unreachable";
    /** (visit ids, comma-separated): it fits alone, but not together with the visits the route keeps. */
    public static final String NO_ROOM = "no_room";

    /** (window from, window until): a visit placed at a set time falls outside its customer's window. */
    public static final String OUTSIDE_WINDOW = "outside_window";
    /** (previous visit id, travel minutes, minutes left): a visit placed at a set time starts before one can get there. */
    public static final String LATE_ARRIVAL = "late_arrival";

    private RoutePlanner() {}

    /** A visit at the time someone (a person, the assistant) placed it on the day. */
    public record Placed(VisitId visit, String place, LocalTime start, Duration duration, Optional<VisitWindow> window) {
        public Placed {
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
            window = Objects.requireNonNullElse(window, Optional.empty());
        }

        int from() { return minutes(start); }

        int until() { return from() + (int) duration.toMinutes(); }
    }

    /**
     * Checks a day's visits at the times they were placed, with the planner's own rules: each inside its window, and
     * after the one before it, time to travel between them (the same rounded-up travel times {@link #plan} uses).
     * Visits that overlap are not judged here ({@link VisitRules#overlaps} reports them).
     */
    public static List<DayRoute.Unfit> check(List<Placed> visits, BiFunction<String, String, TravelTime> travel) {
        List<Placed> sorted = visits.stream().sorted(Comparator.comparing(Placed::start).thenComparingLong(p -> p.visit().value())).toList();
        List<DayRoute.Unfit> found = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Placed visit = sorted.get(i);
            visit.window().filter(w -> visit.from() < minutes(w.from()) || visit.until() > minutes(w.until()))
                    .ifPresent(w -> found.add(new DayRoute.Unfit(visit.visit(), OUTSIDE_WINDOW, List.of(w.from(), w.until()))));
            if (i == 0) continue;
            Placed before = sorted.get(i - 1);
            int left = visit.from() - before.until();
            int needed = minutesUp(travel.apply(before.place(), visit.place()).duration());
            if (left >= 0 && left < needed) {
                found.add(new DayRoute.Unfit(visit.visit(), LATE_ARRIVAL, List.of(before.visit().value(), needed, left)));
            }
        }
        return found;
    }

    /** A visit to place in the route. */
    public record Stop(VisitId visit, String place, Duration duration, Optional<VisitWindow> window) {
        public Stop {
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(duration, "duration");
            window = Objects.requireNonNullElse(window, Optional.empty());
        }
    }

    /** The day: where it starts (none: at the first visit), and the hours in which visits may take place. */
    public record Day(LocalDate date, Optional<String> startPlace, LocalTime start, LocalTime end) {
        public Day {
            startPlace = Objects.requireNonNullElse(startPlace, Optional.<String>empty()).map(String::strip).filter(s -> !s.isEmpty());
            Validation problems = new Validation();
            if (date == null) problems.add("date", Validation.REQUIRED);
            if (start == null) problems.add("dayStart", Validation.REQUIRED);
            if (end == null) problems.add("dayEnd", Validation.REQUIRED);
            if (start != null && end != null && !end.isAfter(start)) problems.add("dayEnd", Validation.BEFORE, "dayStart");
            if (startPlace.map(Validation::length).orElse(0) > 300) problems.add("startPlace", Validation.TOO_LONG, 300);
            problems.throwIfInvalid();
        }
    }

    public static DayRoute plan(Day day, List<Stop> stops, BiFunction<String, String, TravelTime> travel) {
        if (stops.size() > MAX_STOPS) throw dev.concierge.domain.kernel.InvalidInput.field("visits", Validation.TOO_MANY, MAX_STOPS);
        List<Stop> sorted = stops.stream().sorted(Comparator.comparingLong(s -> s.visit().value())).toList();
        int dayStart = minutes(day.start());
        int dayEnd = minutes(day.end());
        List<DayRoute.Unfit> unfit = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Stop stop : sorted) {
            int duration = (int) stop.duration().toMinutes();
            int from = stop.window().map(w -> minutes(w.from())).orElse(dayStart);
            int until = stop.window().map(w -> minutes(w.until())).orElse(dayEnd);
            if (until - from < duration) {
                unfit.add(new DayRoute.Unfit(stop.visit(), WINDOW_TOO_SHORT, List.of(until - from, duration)));
                continue;
            }
            int open = Math.max(from, dayStart);
            int close = Math.min(until, dayEnd);
            if (close - open < duration) {
                unfit.add(new DayRoute.Unfit(stop.visit(), OUTSIDE_DAY, List.of(day.start(), day.end())));
                continue;
            }
            TravelTime first = day.startPlace().map(p -> travel.apply(p, stop.place())).orElse(TravelTime.none());
            int travelMinutes = minutesUp(first.duration());
            if (Math.max(dayStart + travelMinutes, open) + duration > close) {
                unfit.add(new DayRoute.Unfit(stop.visit(), UNREACHABLE, List.of(travelMinutes, time(close - duration))));
                continue;
            }
            candidates.add(new Candidate(stop, open, close, duration, first));
        }
        int n = candidates.size();
        TravelTime[][] between = new TravelTime[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                between[i][j] = i == j ? TravelTime.none() : travel.apply(candidates.get(i).stop.place(), candidates.get(j).stop.place());
            }
        }
        Problem problem = new Problem(candidates, between, dayStart);
        boolean exact = n <= EXACT_LIMIT;
        int[] order = exact ? problem.exact() : problem.insertion();
        List<DayRoute.Leg> legs = problem.legs(order);
        boolean[] used = new boolean[n];
        for (int i : order) used[i] = true;
        for (int i = 0; i < n; i++) {
            if (used[i]) continue;
            Candidate c = candidates.get(i);
            String crowding = legs.stream()
                    .filter(l -> minutes(l.start()) < c.close && c.open < minutes(l.end()))
                    .map(l -> "#" + l.visit())
                    .reduce((a, b) -> a + ", " + b).orElse("");
            unfit.add(new DayRoute.Unfit(c.stop.visit(), NO_ROOM, List.of(crowding)));
        }
        unfit.sort(Comparator.comparingLong(u -> u.visit().value()));
        return new DayRoute(day.date(), day.startPlace(), day.start(), day.end(),
                exact ? DayRoute.Method.EXACT : DayRoute.Method.HEURISTIC, legs, unfit);
    }

    private record Candidate(Stop stop, int open, int close, int duration, TravelTime first) {}

    /** Times in whole minutes from midnight; travel rounded up, so a route never promises less than the table says. */
    private record Problem(List<Candidate> candidates, TravelTime[][] between, int dayStart) {
        private static final int NONE = Integer.MAX_VALUE;

        int travel(int from, int to) { return from < 0 ? minutesUp(candidates.get(to).first.duration()) : minutesUp(between[from][to].duration()); }

        /** The finish after going from {@code last} (or the start, -1) at {@code time} to {@code next}; NONE when it cannot fit. */
        int finish(int last, int time, int next) {
            Candidate c = candidates.get(next);
            int start = Math.max(time + travel(last, next), c.open);
            int end = start + c.duration;
            return end <= c.close ? end : NONE;
        }

        /** The whole route's finish and travel for an order; NONE when some visit misses its window. */
        long[] evaluate(int[] order) {
            int time = dayStart;
            long travelled = 0;
            int last = -1;
            for (int next : order) {
                int end = finish(last, time, next);
                if (end == NONE) return null;
                travelled += travel(last, next);
                time = end;
                last = next;
            }
            return new long[]{time, travelled};
        }

        int[] exact() {
            int n = candidates.size();
            if (n == 0) return new int[0];
            int states = 1 << n;
            int[][] finish = new int[states][n];
            int[][] travelled = new int[states][n];
            int[][] previous = new int[states][n];
            for (int[] row : finish) Arrays.fill(row, NONE);
            for (int v = 0; v < n; v++) {
                int end = finish(-1, dayStart, v);
                if (end != NONE) {
                    finish[1 << v][v] = end;
                    travelled[1 << v][v] = travel(-1, v);
                    previous[1 << v][v] = -1;
                }
            }
            int bestMask = 0;
            int bestLast = -1;
            for (int mask = 1; mask < states; mask++) {
                for (int last = 0; last < n; last++) {
                    if (finish[mask][last] == NONE) continue;
                    if (better(mask, last, bestMask, bestLast, finish, travelled)) {
                        bestMask = mask;
                        bestLast = last;
                    }
                    for (int next = 0; next < n; next++) {
                        if ((mask & (1 << next)) != 0) continue;
                        int end = finish(last, finish[mask][last], next);
                        if (end == NONE) continue;
                        int to = mask | (1 << next);
                        int moved = travelled[mask][last] + travel(last, next);
                        if (end < finish[to][next] || (end == finish[to][next] && moved < travelled[to][next])) {
                            finish[to][next] = end;
                            travelled[to][next] = moved;
                            previous[to][next] = last;
                        }
                    }
                }
            }
            int[] order = new int[Integer.bitCount(bestMask)];
            int mask = bestMask;
            for (int at = order.length - 1, last = bestLast; at >= 0; at--) {
                order[at] = last;
                int before = previous[mask][last];
                mask &= ~(1 << last);
                last = before;
            }
            return order;
        }

        private static boolean better(int mask, int last, int bestMask, int bestLast, int[][] finish, int[][] travelled) {
            if (bestLast < 0) return true;
            int visits = Integer.bitCount(mask);
            int bestVisits = Integer.bitCount(bestMask);
            if (visits != bestVisits) return visits > bestVisits;
            if (finish[mask][last] != finish[bestMask][bestLast]) return finish[mask][last] < finish[bestMask][bestLast];
            return travelled[mask][last] < travelled[bestMask][bestLast];
        }

        /** Visits by closing time (then opening, then id), each inserted at the place where the day ends earliest. */
        int[] insertion() {
            Integer[] byClosing = new Integer[candidates.size()];
            for (int i = 0; i < byClosing.length; i++) byClosing[i] = i;
            Arrays.sort(byClosing, Comparator.<Integer>comparingInt(i -> candidates.get(i).close)
                    .thenComparingInt(i -> candidates.get(i).open).thenComparingInt(i -> i));
            int[] route = new int[0];
            for (int visit : byClosing) {
                int[] best = null;
                long[] bestScore = null;
                for (int at = 0; at <= route.length; at++) {
                    int[] tried = new int[route.length + 1];
                    System.arraycopy(route, 0, tried, 0, at);
                    tried[at] = visit;
                    System.arraycopy(route, at, tried, at + 1, route.length - at);
                    long[] score = evaluate(tried);
                    if (score != null && (bestScore == null || score[0] < bestScore[0] || (score[0] == bestScore[0] && score[1] < bestScore[1]))) {
                        best = tried;
                        bestScore = score;
                    }
                }
                if (best != null) route = best;
            }
            return route;
        }

        List<DayRoute.Leg> legs(int[] order) {
            List<DayRoute.Leg> legs = new ArrayList<>();
            int time = dayStart;
            int last = -1;
            for (int next : order) {
                Candidate c = candidates.get(next);
                int arrive = time + travel(last, next);
                int start = Math.max(arrive, c.open);
                int end = start + c.duration;
                TravelTime moved = last < 0 ? c.first : between[last][next];
                // Without a start place the day begins at the first visit: no travel and no waiting before it.
                LocalTime arrival = last < 0 && moved.basis() == TravelTime.Basis.SAME_PLACE && moved.duration().isZero() ? time(start) : time(arrive);
                legs.add(new DayRoute.Leg(c.stop.visit(), c.stop.place(), moved, arrival, time(start), time(end)));
                time = end;
                last = next;
            }
            return legs;
        }
    }

    private static int minutes(LocalTime time) { return time.getHour() * 60 + time.getMinute(); }

    private static int minutesUp(Duration duration) {
        long seconds = duration.toSeconds();
        return (int) Math.min(24 * 60, (seconds + 59) / 60);
    }

    /** A minute of the day as a time; the last minute stands for the day's end. */
    private static LocalTime time(int minutes) { return minutes >= 24 * 60 ? LocalTime.MAX.withSecond(0).withNano(0) : LocalTime.of(minutes / 60, minutes % 60); }
}
