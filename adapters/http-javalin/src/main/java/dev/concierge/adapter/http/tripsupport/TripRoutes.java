package dev.concierge.adapter.http.tripsupport;

import dev.concierge.domain.tripsupport.port.in.AddVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ChangeTripStatusCommand;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.MoveVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceExpensePlanCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceItineraryCommand;
import dev.concierge.domain.tripsupport.port.in.SetPreparationNotesCommand;
import dev.concierge.domain.tripsupport.port.in.UpdateTripCommand;
import dev.concierge.domain.tripsupport.port.in.UpdateVisitCommand;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.ListView;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RequestLanguage;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.TripViews.ExpenseEstimateView;
import dev.concierge.adapter.http.tripsupport.TripViews.ExpensePlanRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.ExpensePlanView;
import dev.concierge.adapter.http.tripsupport.TripViews.ItineraryRequest;
import dev.concierge.adapter.http.tripsupport.DraftViews.CheckedItineraryView;
import dev.concierge.adapter.http.tripsupport.TripViews.MoveVisitRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.NotesRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.OverlapView;
import dev.concierge.adapter.http.tripsupport.TripViews.ScheduleView;
import dev.concierge.adapter.http.tripsupport.TripViews.TravelPolicyView;
import dev.concierge.adapter.http.tripsupport.TripViews.TripRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.TripView;
import dev.concierge.adapter.http.tripsupport.TripViews.VersionRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.VisitRequest;
import dev.concierge.adapter.http.tripsupport.TripViews.VisitView;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.kernel.Validation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;
import java.util.Optional;

/** The trip-support JSON API for trips, visits, itinerary, expense plan and estimate, and the travel policy. */
public final class TripRoutes implements RouteGroup {
    private final ManageTripsUseCase trips;
    private final ManageVisitsUseCase visits;
    private final PlanItineraryUseCase itinerary;
    private final EstimateExpensesUseCase expenses;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;
    private final ZoneId zone;

    public TripRoutes(ManageTripsUseCase trips, ManageVisitsUseCase visits, PlanItineraryUseCase itinerary,
                      EstimateExpensesUseCase expenses, CurrentUser currentUser, ObjectMapper mapper, ZoneId zone) {
        this.trips = trips;
        this.visits = visits;
        this.itinerary = itinerary;
        this.expenses = expenses;
        this.currentUser = currentUser;
        this.mapper = mapper;
        this.zone = zone;
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/api/trips", ctx -> ctx.json(ListView.of(trips.list(user(ctx),
                Params.text(ctx, "status").map(TripStatus::parse), Params.page(ctx)), this::view)));
        routes.post("/api/trips", ctx -> {
            TripRequest body = Json.read(ctx, mapper, TripRequest.class);
            if (body.version() != null) throw Params.invalid("version", Params.NOT_ACCEPTED);
            var token = Optional.ofNullable(ctx.header("Idempotency-Key"));
            ctx.status(201).json(view(trips.create(new CreateTripCommand(user(ctx), TripInput.trip(body), token))));
        });
        routes.get("/api/trips/{id}", ctx -> ctx.json(view(trips.get(user(ctx), tripId(ctx)))));
        routes.put("/api/trips/{id}", ctx -> {
            TripId id = tripId(ctx);
            TripRequest body = Json.read(ctx, mapper, TripRequest.class);
            long version = TripInput.version(body.version());
            ctx.json(view(trips.update(new UpdateTripCommand(user(ctx), id, TripInput.trip(body), version))));
        });
        routes.delete("/api/trips/{id}", ctx -> {
            trips.delete(user(ctx), tripId(ctx));
            ctx.status(204);
        });
        routes.post("/api/trips/{id}/restore", ctx -> ctx.json(view(trips.restore(user(ctx), tripId(ctx)))));
        routes.post("/api/trips/{id}/complete", ctx -> changeStatus(ctx, TripStatus.COMPLETED));
        routes.post("/api/trips/{id}/cancel", ctx -> changeStatus(ctx, TripStatus.CANCELLED));

        routes.get("/api/trips/{id}/visits", ctx -> {
            TripId id = tripId(ctx);
            PageRequest page = Params.page(ctx);
            var schedule = visits.schedule(user(ctx), id);
            var all = schedule.visits().stream().map(v -> VisitView.of(v, schedule.overlaps())).toList();
            var slice = ListView.page(all, page);
            ctx.json(new ScheduleView(slice.items(), slice.total(), schedule.overlaps().stream().map(OverlapView::of).toList()));
        });
        routes.post("/api/trips/{id}/visits", ctx -> {
            TripId id = tripId(ctx);
            VisitRequest body = Json.read(ctx, mapper, VisitRequest.class);
            if (body.version() != null) throw Params.invalid("version", Params.NOT_ACCEPTED);
            CustomerVisit added = visits.add(new AddVisitCommand(user(ctx), id, TripInput.visit(body)));
            ctx.status(201).json(visitView(ctx, added));
        });
        routes.get("/api/visits/{id}", ctx -> ctx.json(visitView(ctx, visits.get(user(ctx), visitId(ctx)))));
        routes.put("/api/visits/{id}", ctx -> {
            VisitId id = visitId(ctx);
            VisitRequest body = Json.read(ctx, mapper, VisitRequest.class);
            long version = TripInput.version(body.version());
            ctx.json(visitView(ctx, visits.update(new UpdateVisitCommand(user(ctx), id, TripInput.visit(body), version))));
        });
        routes.delete("/api/visits/{id}", ctx -> {
            visits.delete(user(ctx), visitId(ctx));
            ctx.status(204);
        });
        routes.post("/api/visits/{id}/move", ctx -> {
            VisitId id = visitId(ctx);
            MoveVisitRequest body = Json.read(ctx, mapper, MoveVisitRequest.class);
            if (body.startsAt() == null) throw Params.invalid("startsAt", Validation.REQUIRED);
            ctx.json(visitView(ctx, visits.move(new MoveVisitCommand(user(ctx), id, body.startsAt()))));
        });
        routes.put("/api/visits/{id}/preparation-notes", ctx -> {
            VisitId id = visitId(ctx);
            NotesRequest body = Json.read(ctx, mapper, NotesRequest.class);
            if (body.notes() == null) throw Params.invalid("notes", Validation.REQUIRED);
            ctx.json(visitView(ctx, visits.setPreparationNotes(new SetPreparationNotesCommand(user(ctx), id, body.notes()))));
        });

        // Both answer the rules' warnings beside the items (the draft's `check`): judged when read, never refusing.
        routes.get("/api/trips/{id}/itinerary", ctx -> ctx.json(CheckedItineraryView.of(
                itinerary.checkedItinerary(user(ctx), tripId(ctx)), Messages.of(RequestLanguage.of(ctx)))));
        routes.put("/api/trips/{id}/itinerary", ctx -> {
            TripId id = tripId(ctx);
            var parsed = TripInput.itinerary(Json.read(ctx, mapper, ItineraryRequest.class));
            ctx.json(CheckedItineraryView.of(itinerary.replace(new ReplaceItineraryCommand(user(ctx), id, parsed)),
                    Messages.of(RequestLanguage.of(ctx))));
        });

        routes.get("/api/trips/{id}/expense-plan", ctx -> ctx.json(ExpensePlanView.of(expenses.plan(user(ctx), tripId(ctx)))));
        routes.put("/api/trips/{id}/expense-plan", ctx -> {
            TripId id = tripId(ctx);
            var plan = TripInput.plan(Json.read(ctx, mapper, ExpensePlanRequest.class));
            ctx.json(ExpensePlanView.of(expenses.replacePlan(new ReplaceExpensePlanCommand(user(ctx), id, plan))));
        });
        routes.get("/api/trips/{id}/expense-estimate", ctx -> ctx.json(ExpenseEstimateView.of(expenses.estimate(user(ctx), tripId(ctx)), texts(ctx))));
        routes.get("/api/travel-policy", ctx -> {
            var book = expenses.policyBook();
            var on = Params.date(ctx, "on");
            ctx.json(TravelPolicyView.of(on.map(book::effectiveOn).orElse(book.latest()), book));
        });
    }

    private void changeStatus(Context ctx, TripStatus target) {
        TripId id = tripId(ctx);
        long version = TripInput.version(Json.read(ctx, mapper, VersionRequest.class).version());
        ctx.json(view(trips.changeStatus(new ChangeTripStatusCommand(user(ctx), id, target, version))));
    }

    /** A visit with the overlaps it takes part in, which only the whole schedule knows. */
    private VisitView visitView(Context ctx, CustomerVisit visit) {
        var schedule = visits.schedule(user(ctx), visit.trip());
        return VisitView.of(visit, schedule.overlaps());
    }

    private TripView view(dev.concierge.domain.tripsupport.model.Trip trip) { return TripView.of(trip, zone); }

    private UserId user(Context ctx) { return currentUser.of(ctx); }

    private static TripTexts texts(Context ctx) { return new TripTexts(Messages.of(RequestLanguage.of(ctx))); }

    private static TripId tripId(Context ctx) { return TripId.parse(ctx.pathParam("id")); }

    private static VisitId visitId(Context ctx) { return VisitId.parse(ctx.pathParam("id")); }
}
