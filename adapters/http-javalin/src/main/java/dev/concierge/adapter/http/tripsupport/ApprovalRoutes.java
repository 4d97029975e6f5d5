package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.ListView;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RequestLanguage;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.ApprovalViews.ApprovalView;
import dev.concierge.adapter.http.tripsupport.ApprovalViews.DecisionRequest;
import dev.concierge.adapter.http.tripsupport.ApprovalViews.NotificationListView;
import dev.concierge.adapter.http.tripsupport.ApprovalViews.NotificationView;
import dev.concierge.adapter.http.tripsupport.ApprovalViews.SubmitRequest;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.ApprovalRequest.Outcome;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.in.ApproveTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.DecideApprovalCommand;
import dev.concierge.domain.tripsupport.port.in.SubmitTripCommand;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;

/** Approval by someone else: submit a trip, the approver's queue and decision, the history, the notifications. */
public final class ApprovalRoutes implements RouteGroup {
    private final ApproveTripsUseCase approvals;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;
    private final ZoneId zone;

    public ApprovalRoutes(ApproveTripsUseCase approvals, CurrentUser currentUser, ObjectMapper mapper, ZoneId zone) {
        this.approvals = approvals;
        this.currentUser = currentUser;
        this.mapper = mapper;
        this.zone = zone;
    }

    @Override public void register(RoutesConfig routes) {
        routes.post("/api/trips/{id}/submit", ctx -> {
            TripId trip = TripId.parse(ctx.pathParam("id"));
            SubmitRequest body = Json.read(ctx, mapper, SubmitRequest.class);
            long version = TripInput.version(body.version());
            ApprovalRequest request = approvals.submit(new SubmitTripCommand(currentUser.of(ctx), trip, version, body.justifications()));
            ctx.status(201).json(view(ctx, request));
        });
        routes.get("/api/trips/{id}/approvals", ctx -> ctx.json(ListView.page(
                approvals.history(currentUser.of(ctx), TripId.parse(ctx.pathParam("id"))).stream().map(r -> view(ctx, r)).toList(),
                Params.page(ctx))));
        routes.get("/api/approvals", ctx -> {
            Actor actor = currentUser.actor(ctx);
            var page = switch (Params.text(ctx, "state").orElse("pending")) {
                case "pending" -> approvals.pending(actor, Params.page(ctx));
                case "decided" -> approvals.decided(actor, Params.page(ctx));
                default -> throw Params.invalid("state", Validation.ONE_OF, "pending, decided");
            };
            ctx.json(ListView.of(page, r -> view(ctx, r)));
        });
        routes.get("/api/approvals/{id}", ctx -> ctx.json(view(ctx, approvals.get(currentUser.actor(ctx), approvalId(ctx)))));
        routes.post("/api/approvals/{id}/approve", ctx -> decide(ctx, Outcome.APPROVED));
        routes.post("/api/approvals/{id}/reject", ctx -> decide(ctx, Outcome.REJECTED));
        routes.get("/api/notifications", ctx -> {
            var user = currentUser.of(ctx);
            Messages messages = messages(ctx);
            var page = approvals.notifications(user, Params.page(ctx));
            ctx.json(new NotificationListView(page.items().stream().map(n -> NotificationView.of(n, messages, zone)).toList(), page.total(),
                    approvals.unreadNotifications(user)));
        });
        routes.post("/api/notifications/{id}/read", ctx -> {
            approvals.markRead(currentUser.of(ctx), notificationId(ctx));
            ctx.status(204);
        });
    }

    private void decide(Context ctx, Outcome outcome) {
        ApprovalId id = approvalId(ctx);
        DecisionRequest body = ctx.body().isBlank() ? new DecisionRequest("") : Json.read(ctx, mapper, DecisionRequest.class);
        Actor actor = currentUser.actor(ctx);
        ctx.json(view(ctx, approvals.decide(new DecideApprovalCommand(actor, id, outcome, body.comment()))));
    }

    private ApprovalView view(Context ctx, ApprovalRequest request) {
        return ApprovalView.of(request, currentUser.actor(ctx), messages(ctx), zone);
    }

    private static Messages messages(Context ctx) { return Messages.of(RequestLanguage.of(ctx)); }

    private static ApprovalId approvalId(Context ctx) { return ApprovalId.parse(ctx.pathParam("id")); }

    private static long notificationId(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id > 0) return id;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw InvalidInput.field("notificationId", Validation.POSITIVE_WHOLE_NUMBER);
    }
}
