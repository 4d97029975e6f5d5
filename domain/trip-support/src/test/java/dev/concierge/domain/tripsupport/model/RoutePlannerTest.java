package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutePlannerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final RoutePlanner.Day NINE_TO_SEVEN = new RoutePlanner.Day(DAY, Optional.of("hotel"), LocalTime.of(9, 0), LocalTime.of(19, 0));

    /** Places A, B, C on a line: 30 minutes between neighbours; the hotel sits at A. */
    private static final Map<String, Integer> POSITION = Map.of("hotel", 0, "A", 0, "B", 1, "C", 2, "D", 3);
    private static final BiFunction<String, String, TravelTime> LINE = (from, to) -> from.equals(to) ? TravelTime.none()
            : new TravelTime(Duration.ofMinutes(30L * Math.abs(POSITION.get(from) - POSITION.get(to))), TravelTime.Basis.TABLE);

    private static RoutePlanner.Stop stop(long id, String place, int minutes, String from, String until) {
        return new RoutePlanner.Stop(new VisitId(id), place, Duration.ofMinutes(minutes),
                from == null ? Optional.empty() : Optional.of(new VisitWindow(LocalTime.parse(from), LocalTime.parse(until))));
    }

    private static List<Long> order(DayRoute route) { return route.legs().stream().map(l -> l.visit().value()).toList(); }

    @Test void visits_without_windows_are_ordered_along_the_shortest_way() {
        DayRoute route = RoutePlanner.plan(NINE_TO_SEVEN, List.of(stop(1, "C", 60, null, null), stop(2, "A", 60, null, null),
                stop(3, "B", 60, null, null)), LINE);

        assertThat(order(route)).containsExactly(2L, 3L, 1L);
        assertThat(route.legs().getFirst().start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(route.legs().getLast().end()).isEqualTo(LocalTime.of(13, 0)); // 3 h of visits + 2 × 30 min
        assertThat(route.totalTravel()).isEqualTo(Duration.ofMinutes(60));
        assertThat(route.method()).isEqualTo(DayRoute.Method.EXACT);
        assertThat(route.unfit()).isEmpty();
    }

    @Test void a_window_overrides_the_shortest_way_and_the_route_waits_for_it_to_open() {
        DayRoute route = RoutePlanner.plan(NINE_TO_SEVEN, List.of(stop(1, "A", 60, "14:00", "16:00"), stop(2, "C", 60, null, null)), LINE);

        assertThat(order(route)).containsExactly(2L, 1L);
        DayRoute.Leg second = route.legs().get(1);
        assertThat(second.arrive()).isEqualTo(LocalTime.of(12, 0)); // C 10:00-11:00, then an hour back to A
        assertThat(second.start()).isEqualTo(LocalTime.of(14, 0));
        assertThat(second.waiting()).isEqualTo(Duration.ofHours(2));
    }

    @Test void travel_from_the_start_place_comes_before_the_first_visit() {
        DayRoute route = RoutePlanner.plan(NINE_TO_SEVEN, List.of(stop(1, "C", 60, null, null)), LINE);

        assertThat(route.legs().getFirst().arrive()).isEqualTo(LocalTime.of(10, 0));
        assertThat(route.legs().getFirst().travel().duration()).isEqualTo(Duration.ofHours(1));
    }

    @Test void without_a_start_place_the_day_begins_at_the_first_visit() {
        var day = new RoutePlanner.Day(DAY, Optional.empty(), LocalTime.of(9, 0), LocalTime.of(19, 0));
        DayRoute route = RoutePlanner.plan(day, List.of(stop(1, "C", 60, null, null)), LINE);

        assertThat(route.legs().getFirst().start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(route.totalTravel()).isZero();
    }

    @Test void a_visit_longer_than_its_window_is_reported_with_both_lengths() {
        DayRoute route = RoutePlanner.plan(NINE_TO_SEVEN, List.of(stop(1, "A", 90, "10:00", "11:00")), LINE);

        assertThat(route.legs()).isEmpty();
        assertThat(route.unfit()).containsExactly(new DayRoute.Unfit(new VisitId(1), RoutePlanner.WINDOW_TOO_SHORT, List.of(60, 90)));
    }

    @Test void a_window_outside_the_planned_hours_is_reported_with_the_hours() {
        DayRoute route = RoutePlanner.plan(NINE_TO_SEVEN, List.of(stop(1, "A", 60, "07:00", "09:30")), LINE);

        assertThat(route.unfit()).containsExactly(new DayRoute.Unfit(new VisitId(1), RoutePlanner.OUTSIDE_DAY,
                List.of(LocalTime.of(9, 0), LocalTime.of(19, 0))));
    }

    @Test void a_visit_too_far_to_reach_in_time_is_reported_with_the_travel_and_the_latest_start() {
        DayRoute route = RoutePlanner.plan(NINE_TO_SEVEN, List.of(stop(1, "D", 60, "09:00", "10:30")), LINE);

        assertThat(route.unfit()).containsExactly(new DayRoute.Unfit(new VisitId(1), RoutePlanner.UNREACHABLE,
                List.of(90, LocalTime.of(9, 30))));
    }

    @Test void of_two_visits_wanting_the_same_hour_one_is_kept_and_the_other_names_it() {
        DayRoute route = RoutePlanner.plan(NINE_TO_SEVEN, List.of(stop(1, "A", 60, "10:00", "11:00"), stop(2, "A", 60, "10:00", "11:00")), LINE);

        assertThat(order(route)).containsExactly(1L);
        assertThat(route.unfit()).containsExactly(new DayRoute.Unfit(new VisitId(2), RoutePlanner.NO_ROOM, List.of("#1")));
    }

    @Test void the_route_keeps_the_most_visits_even_if_a_shorter_day_was_possible() {
        // Taking 1 first (it opens earliest) leaves no time for 2 and 3; the planner must see that 2 and 3 together beat 1 alone.
        DayRoute route = RoutePlanner.plan(NINE_TO_SEVEN, List.of(stop(1, "A", 150, "09:00", "12:00"),
                stop(2, "A", 60, "10:00", "11:00"), stop(3, "A", 60, "11:00", "12:00")), LINE);

        assertThat(order(route)).containsExactly(2L, 3L);
        assertThat(route.unfit()).extracting(DayRoute.Unfit::visit).containsExactly(new VisitId(1));
    }

    @Test void the_exact_planner_matches_trying_every_order_on_random_days() {
        Random random = new Random(26);
        String[] places = {"A", "B", "C", "D"};
        for (int round = 0; round < 200; round++) {
            List<RoutePlanner.Stop> stops = new ArrayList<>();
            int n = 1 + random.nextInt(6);
            for (int i = 1; i <= n; i++) {
                int from = 9 * 60 + random.nextInt(8) * 30;
                int length = 60 + random.nextInt(6) * 30;
                int until = Math.min(19 * 60, from + length);
                stops.add(stop(i, places[random.nextInt(places.length)], 30 + random.nextInt(3) * 30,
                        random.nextBoolean() ? null : LocalTime.of(from / 60, from % 60).toString(),
                        LocalTime.of(until / 60, until % 60).toString()));
            }
            DayRoute route = RoutePlanner.plan(NINE_TO_SEVEN, stops, LINE);
            int[] best = bruteForce(stops);
            assertThat(new int[]{route.legs().size(), route.finish().map(t -> t.toSecondOfDay() / 60).orElse(0)})
                    .as("round %d: %s", round, stops).containsExactly(best);
        }
    }

    @Test void more_visits_than_the_exact_limit_are_ordered_by_the_heuristic_and_all_fit_when_there_is_room() {
        List<RoutePlanner.Stop> stops = new ArrayList<>();
        for (int i = 1; i <= RoutePlanner.EXACT_LIMIT + 2; i++) stops.add(stop(i, i % 2 == 0 ? "A" : "B", 15, null, null));
        var day = new RoutePlanner.Day(DAY, Optional.of("A"), LocalTime.of(8, 0), LocalTime.of(22, 0));

        DayRoute route = RoutePlanner.plan(day, stops, LINE);

        assertThat(route.method()).isEqualTo(DayRoute.Method.HEURISTIC);
        assertThat(route.legs()).hasSize(RoutePlanner.EXACT_LIMIT + 2);
        assertThat(route).isEqualTo(RoutePlanner.plan(day, stops.reversed(), LINE)); // same answer whatever the input order
    }

    @Test void the_same_input_in_another_order_gives_the_same_route() {
        List<RoutePlanner.Stop> stops = List.of(stop(1, "B", 60, null, null), stop(2, "B", 60, null, null), stop(3, "C", 30, "13:00", "15:00"));
        assertThat(RoutePlanner.plan(NINE_TO_SEVEN, stops, LINE)).isEqualTo(RoutePlanner.plan(NINE_TO_SEVEN, stops.reversed(), LINE));
    }

    @Test void a_day_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> new RoutePlanner.Day(DAY, Optional.empty(), LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new VisitWindow(LocalTime.of(11, 0), LocalTime.of(10, 0))).isInstanceOf(InvalidInput.class);
    }

    /** The most visits, then the earliest finish, over every subset in every order. */
    private static int[] bruteForce(List<RoutePlanner.Stop> stops) {
        int[] best = {0, 0};
        permute(new ArrayList<>(), stops, best);
        return best;
    }

    private static void permute(List<RoutePlanner.Stop> chosen, List<RoutePlanner.Stop> all, int[] best) {
        int finish = simulate(chosen);
        if (finish < 0) return;
        if (chosen.size() > best[0] || (chosen.size() == best[0] && chosen.size() > 0 && finish < best[1])) {
            best[0] = chosen.size();
            best[1] = finish;
        }
        for (RoutePlanner.Stop s : all) {
            if (chosen.contains(s)) continue;
            chosen.add(s);
            permute(chosen, all, best);
            chosen.removeLast();
        }
    }

    private static int simulate(List<RoutePlanner.Stop> order) {
        int time = 9 * 60;
        String at = "hotel";
        for (RoutePlanner.Stop s : order) {
            int travel = (int) LINE.apply(at, s.place()).duration().toMinutes();
            int open = Math.max(9 * 60, s.window().map(w -> w.from().toSecondOfDay() / 60).orElse(0));
            int close = Math.min(19 * 60, s.window().map(w -> w.until().toSecondOfDay() / 60).orElse(24 * 60));
            int start = Math.max(time + travel, open);
            if (start + s.duration().toMinutes() > close) return -1;
            time = start + (int) s.duration().toMinutes();
            at = s.place();
        }
        return time;
    }

    private static RoutePlanner.Placed placed(long id, String place, String start, int minutes, String from, String until) {
        return new RoutePlanner.Placed(new VisitId(id), place, LocalTime.parse(start), Duration.ofMinutes(minutes),
                from == null ? Optional.empty() : Optional.of(new VisitWindow(LocalTime.parse(from), LocalTime.parse(until))));
    }

    @Test void visits_placed_by_hand_inside_their_windows_with_time_to_travel_pass_the_check() {
        assertThat(RoutePlanner.check(List.of(placed(2, "C", "11:00", 60, null, null), placed(1, "A", "09:00", 60, "09:00", "10:00")), LINE))
                .isEmpty();
    }

    @Test void a_visit_placed_outside_its_window_is_reported_with_the_window() {
        assertThat(RoutePlanner.check(List.of(placed(1, "A", "09:30", 60, "09:00", "10:00")), LINE))
                .containsExactly(new DayRoute.Unfit(new VisitId(1), RoutePlanner.OUTSIDE_WINDOW, List.of(LocalTime.of(9, 0), LocalTime.of(10, 0))));
    }

    @Test void a_visit_placed_too_soon_after_the_one_before_is_a_late_arrival_with_the_travel_and_the_time_left() {
        // A to C is 60 minutes on the line; B ends at 10:00 and C starts at 10:30
        assertThat(RoutePlanner.check(List.of(placed(1, "A", "09:00", 60, null, null), placed(2, "C", "10:30", 60, null, null)), LINE))
                .containsExactly(new DayRoute.Unfit(new VisitId(2), RoutePlanner.LATE_ARRIVAL, List.of(1L, 60, 30)));
    }

    @Test void overlapping_visits_are_left_to_the_overlap_rule() {
        assertThat(RoutePlanner.check(List.of(placed(1, "A", "09:00", 60, null, null), placed(2, "C", "09:30", 60, null, null)), LINE)).isEmpty();
    }
}
