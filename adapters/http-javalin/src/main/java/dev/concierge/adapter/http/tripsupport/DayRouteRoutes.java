package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.ListView;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RequestLanguage;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.RouteViews.DayRouteRequest;
import dev.concierge.adapter.http.tripsupport.RouteViews.DayRouteView;
import dev.concierge.adapter.http.tripsupport.RouteViews.WindowRequest;
import dev.concierge.adapter.http.tripsupport.RouteViews.WindowView;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.DayRoute;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitWindow;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanDayRouteUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanRouteCommand;
import dev.concierge.domain.tripsupport.port.in.SetVisitWindowCommand;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Comparator;
import java.util.Optional;

/** The day's route of a trip and the visits' time windows it fits them into. */
public final class DayRouteRoutes implements RouteGroup {
    private final PlanDayRouteUseCase routes;
    private final ManageVisitsUseCase visits;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;

    public DayRouteRoutes(PlanDayRouteUseCase routes, ManageVisitsUseCase visits, CurrentUser currentUser, ObjectMapper mapper) {
        this.routes = routes;
        this.visits = visits;
        this.currentUser = currentUser;
        this.mapper = mapper;
    }

    @Override public void register(RoutesConfig config) {
        config.get("/api/trips/{id}/day-routes/{date}", ctx -> {
            PlanRouteCommand command = new PlanRouteCommand(user(ctx), tripId(ctx), RouteViews.day(RouteViews.date(ctx.pathParam("date")),
                    Params.text(ctx, "startPlace"), Params.text(ctx, "dayStart"), Params.text(ctx, "dayEnd")));
            ctx.json(view(ctx, command, routes.route(command)));
        });
        config.post("/api/trips/{id}/day-routes/{date}/apply", ctx -> {
            TripId trip = tripId(ctx);
            DayRouteRequest body = Json.read(ctx, mapper, DayRouteRequest.class);
            PlanRouteCommand command = new PlanRouteCommand(user(ctx), trip, RouteViews.day(RouteViews.date(ctx.pathParam("date")),
                    Optional.ofNullable(body.startPlace()), Optional.ofNullable(body.dayStart()), Optional.ofNullable(body.dayEnd())));
            ctx.json(view(ctx, command, routes.apply(command)));
        });
        config.get("/api/trips/{id}/visit-windows", ctx -> ctx.json(ListView.page(routes.windows(user(ctx), tripId(ctx)).entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getKey().value()))
                .map(e -> WindowView.of(e.getKey(), e.getValue())).toList(), Params.page(ctx))));
        config.get("/api/visits/{id}/window", ctx -> {
            VisitId visit = visitId(ctx);
            ctx.json(routes.window(user(ctx), visit).map(w -> WindowView.of(visit, w)).orElse(new WindowView(visit.value(), null, null)));
        });
        config.put("/api/visits/{id}/window", ctx -> {
            VisitId visit = visitId(ctx);
            WindowRequest body = Json.read(ctx, mapper, WindowRequest.class);
            VisitWindow window = new VisitWindow(RouteViews.time("from", body.from()), RouteViews.time("until", body.until()));
            routes.setWindow(new SetVisitWindowCommand(user(ctx), visit, Optional.of(window)));
            ctx.json(WindowView.of(visit, window));
        });
        config.delete("/api/visits/{id}/window", ctx -> {
            routes.setWindow(new SetVisitWindowCommand(user(ctx), visitId(ctx), Optional.empty()));
            ctx.status(204);
        });
    }

    private DayRouteView view(Context ctx, PlanRouteCommand command, DayRoute route) {
        return DayRouteView.of(route, visits.schedule(command.owner(), command.trip()).visits(), Messages.of(RequestLanguage.of(ctx)));
    }

    private UserId user(Context ctx) { return currentUser.of(ctx); }

    private static TripId tripId(Context ctx) { return TripId.parse(ctx.pathParam("id")); }

    private static VisitId visitId(Context ctx) { return VisitId.parse(ctx.pathParam("id")); }
}
