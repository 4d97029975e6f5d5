package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.RouteViews.DayRouteView;
import dev.concierge.adapter.http.tripsupport.TripViews.TripView;
import dev.concierge.adapter.http.web.Page;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitWindow;
import dev.concierge.domain.tripsupport.port.in.ExportCalendarUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanDayRouteUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanRouteCommand;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /trips/{id}/route} (a day's visits in route order, the ones that do not fit and why, each visit's window) and
 * {@code /calendar-subscription} (the private feed's address). Rendered from the same use cases as the API;
 * {@code route.js} sends changes to the JSON API.
 */
public final class RoutePages implements RouteGroup {
    private final ManageTripsUseCase trips;
    private final ManageVisitsUseCase visits;
    private final PlanDayRouteUseCase routes;
    private final ExportCalendarUseCase calendar;
    private final CurrentUser currentUser;
    private final PageRenderer renderer;
    private final ZoneId zone;

    public RoutePages(ManageTripsUseCase trips, ManageVisitsUseCase visits, PlanDayRouteUseCase routes, ExportCalendarUseCase calendar,
                      CurrentUser currentUser, PageRenderer renderer, ZoneId zone) {
        this.trips = trips;
        this.visits = visits;
        this.routes = routes;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.zone = zone;
    }

    /** A visit of the day with its window and length, for the window forms. */
    public record WindowRow(long visitId, String company, String location, String startsAt, String from, String until, long durationMinutes) {}

    public record RoutePage(TripView trip, List<LocalDate> days, LocalDate date, String startPlace, String dayStart, String dayEnd,
                            DayRouteView route, List<WindowRow> windows) {}

    public record SubscriptionPage(Optional<OffsetDateTime> since) {}

    @Override public void register(RoutesConfig config) {
        config.get("/trips/{id}/route", this::route);
        config.get("/calendar-subscription", this::subscription);
    }

    private void route(Context ctx) {
        UserId user = currentUser.of(ctx);
        Trip trip = trips.get(user, TripId.parse(ctx.pathParam("id")));
        Page listPage = renderer.page(ctx, "trips.title", "trips", user.value());
        Page page = listPage.titled(listPage.t("trips.route.title") + " · " + trip.details().title());
        List<CustomerVisit> all = visits.schedule(trip).visits();
        List<LocalDate> days = trip.details().startDate().datesUntil(trip.details().endDate().plusDays(1)).toList();
        // Without a date, the first day that has a visit (or the first day of the trip).
        LocalDate date = Params.date(ctx, "date").orElseGet(() -> all.isEmpty() ? days.getFirst() : all.getFirst().details().startsAt().toLocalDate());
        Optional<String> startPlace = Params.text(ctx, "startPlace");
        Optional<String> dayStart = Params.text(ctx, "dayStart");
        Optional<String> dayEnd = Params.text(ctx, "dayEnd");
        var day = RouteViews.day(date, startPlace, dayStart, dayEnd);
        DayRouteView route = DayRouteView.of(routes.route(new PlanRouteCommand(user, trip.id(), day)), all, page.messages());
        Map<?, VisitWindow> windows = routes.windows(user, trip.id());
        List<WindowRow> rows = all.stream().filter(v -> v.details().startsAt().toLocalDate().equals(date)).map(v -> {
            Optional<VisitWindow> w = Optional.ofNullable(windows.get(v.id()));
            return new WindowRow(v.id().value(), v.details().company(), v.details().location(), v.details().startsAt().toLocalTime().toString(),
                    w.map(x -> x.from().toString()).orElse(""), w.map(x -> x.until().toString()).orElse(""), v.details().duration().toMinutes());
        }).toList();
        renderer.render(ctx, "tripsupport/route.jte", Map.of("page", page, "model", new RoutePage(TripView.of(trip, zone), days, date,
                startPlace.orElse(""), day.start().toString(), day.end().toString(), route, rows)));
    }

    private void subscription(Context ctx) {
        UserId user = currentUser.of(ctx);
        Page listPage = renderer.page(ctx, "trips.title", "trips", user.value());
        Page page = listPage.titled(listPage.t("trips.calendar.title"));
        var since = calendar.subscription(user).map(s -> s.createdAt().atZone(zone).toOffsetDateTime());
        renderer.render(ctx, "tripsupport/calendar.jte", Map.of("page", page, "model", new SubscriptionPage(since)));
    }
}
