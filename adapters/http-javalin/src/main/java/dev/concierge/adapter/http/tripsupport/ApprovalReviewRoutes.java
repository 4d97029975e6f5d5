package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RequestLanguage;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.ExpenseReportViews.ExpenseReportView;
import dev.concierge.adapter.http.tripsupport.RouteViews.DayRouteView;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.port.in.ReviewSubmittedTripsUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;

/**
 * What the approver reads of a submitted trip, through its approval request: a day's route and, after the trip, the
 * report of actual against estimate. The request's id is the key; whoever may not see the request gets 404.
 */
public final class ApprovalReviewRoutes implements RouteGroup {
    private final ReviewSubmittedTripsUseCase review;
    private final CurrentUser currentUser;
    private final ZoneId zone;

    public ApprovalReviewRoutes(ReviewSubmittedTripsUseCase review, CurrentUser currentUser, ZoneId zone) {
        this.review = review;
        this.currentUser = currentUser;
        this.zone = zone;
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/api/approvals/{id}/day-routes/{date}", ctx -> {
            Actor reader = currentUser.actor(ctx);
            ApprovalId approval = approvalId(ctx);
            var day = RouteViews.day(RouteViews.date(ctx.pathParam("date")), Params.text(ctx, "startPlace"), Params.text(ctx, "dayStart"),
                    Params.text(ctx, "dayEnd"));
            ctx.json(DayRouteView.of(review.route(reader, approval, day), review.visits(reader, approval), messages(ctx)));
        });
        routes.get("/api/approvals/{id}/expense-report", ctx -> {
            ExpenseReportView report = ExpenseReportView.of(review.report(currentUser.actor(ctx), approvalId(ctx)), messages(ctx), zone);
            ctx.json(report);
        });
    }

    private static Messages messages(Context ctx) { return Messages.of(RequestLanguage.of(ctx)); }

    private static ApprovalId approvalId(Context ctx) { return ApprovalId.parse(ctx.pathParam("id")); }
}
