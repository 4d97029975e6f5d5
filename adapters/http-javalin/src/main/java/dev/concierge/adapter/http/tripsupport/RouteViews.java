package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DayRoute;
import dev.concierge.domain.tripsupport.model.RoutePlanner;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitWindow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the day-route API takes and answers; reasons for visits left out are worded in the reader's language. */
public final class RouteViews {
    private RouteViews() {}

    public static final LocalTime DEFAULT_DAY_START = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_DAY_END = LocalTime.of(18, 0);

    /** Body of {@code POST .../day-routes/{date}/apply}; the same fields as the GET's query parameters. */
    public record DayRouteRequest(String startPlace, String dayStart, String dayEnd) {}

    /** Body of {@code PUT /api/visits/{id}/window}. */
    public record WindowRequest(String from, String until) {}

    public record WindowView(long visitId, @JsonFormat(pattern = "HH:mm") LocalTime from, @JsonFormat(pattern = "HH:mm") LocalTime until) {
        static WindowView of(VisitId visit, VisitWindow window) { return new WindowView(visit.value(), window.from(), window.until()); }
    }

    public record LegView(long visitId, String company, String place, long travelMinutes, String travelBasis,
                          @JsonFormat(pattern = "HH:mm") LocalTime arrive, @JsonFormat(pattern = "HH:mm") LocalTime start,
                          @JsonFormat(pattern = "HH:mm") LocalTime end, long waitMinutes) {}

    public record UnfitView(long visitId, String company, String reason, String message) {}

    public record DayRouteView(LocalDate date, String startPlace, @JsonFormat(pattern = "HH:mm") LocalTime dayStart,
                               @JsonFormat(pattern = "HH:mm") LocalTime dayEnd, String method, List<LegView> legs,
                               List<UnfitView> unfit, long totalTravelMinutes, @JsonFormat(pattern = "HH:mm") LocalTime finish) {
        static DayRouteView of(DayRoute route, List<CustomerVisit> visits, Messages messages) {
            Map<VisitId, String> companies = visits.stream().collect(Collectors.toMap(CustomerVisit::id, v -> v.details().company()));
            return new DayRouteView(route.date(), route.startPlace().orElse(""), route.dayStart(), route.dayEnd(), route.method().wireName(),
                    route.legs().stream().map(l -> new LegView(l.visit().value(), companies.getOrDefault(l.visit(), ""), l.place(),
                            l.travel().duration().toMinutes(), l.travel().basis().wireName(), l.arrive(), l.start(), l.end(),
                            l.waiting().toMinutes())).toList(),
                    route.unfit().stream().map(u -> new UnfitView(u.visit().value(), companies.getOrDefault(u.visit(), ""), u.reason(),
                            messages.t("trips.route.unfit." + u.reason(), u.args().stream().map(String::valueOf).toArray()))).toList(),
                    route.totalTravel().toMinutes(), route.finish().orElse(null));
        }
    }

    /** The planned day from the request's parts: the hours default to 09:00–18:00, no start place to none. */
    static RoutePlanner.Day day(LocalDate date, Optional<String> startPlace, Optional<String> dayStart, Optional<String> dayEnd) {
        return new RoutePlanner.Day(date, startPlace,
                dayStart.map(t -> time("dayStart", t)).orElse(DEFAULT_DAY_START),
                dayEnd.map(t -> time("dayEnd", t)).orElse(DEFAULT_DAY_END));
    }

    static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) throw Params.invalid(field, Validation.REQUIRED);
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Params.invalid(field, Validation.FORMAT, "09:30");
        }
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Params.invalid("date", Validation.FORMAT, "2026-04-01");
        }
    }

}
