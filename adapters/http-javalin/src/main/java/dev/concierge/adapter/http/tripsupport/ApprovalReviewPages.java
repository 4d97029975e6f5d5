package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.ExpenseReportViews.ExpenseReportView;
import dev.concierge.adapter.http.tripsupport.RouteViews.DayRouteView;
import dev.concierge.adapter.http.tripsupport.TripViews.TripView;
import dev.concierge.adapter.http.web.Page;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.port.in.ReviewSubmittedTripsUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The approver's read-only pages of a submitted trip, reached from {@code /approvals}: {@code /approvals/{id}/route}
 * (a day's visits in route order, the ones that do not fit and why) and {@code /approvals/{id}/expense-report} (actual
 * against estimate after the trip, made for printing). Rendered from the same use cases as the API.
 */
public final class ApprovalReviewPages implements RouteGroup {
    private final ReviewSubmittedTripsUseCase review;
    private final CurrentUser currentUser;
    private final PageRenderer renderer;
    private final ZoneId zone;

    public ApprovalReviewPages(ReviewSubmittedTripsUseCase review, CurrentUser currentUser,
                               PageRenderer renderer, ZoneId zone) {
        this.review = review;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.zone = zone;
    }

    public record ReviewRoutePage(long approvalId, TripView trip, String traveller, List<LocalDate> days, LocalDate date, String startPlace,
                                  DayRouteView route) {}

    @Override public void register(RoutesConfig config) {
        config.get("/approvals/{id}/route", this::route);
        config.get("/approvals/{id}/expense-report", this::report);
    }

    private void route(Context ctx) {
        Actor reader = currentUser.actor(ctx);
        ApprovalId approval = ApprovalId.parse(ctx.pathParam("id"));
        Trip trip = review.trip(reader, approval);
        Page listPage = renderer.page(ctx, "approvals.title", "approvals", reader.user().value());
        Page page = listPage.titled(listPage.t("trips.route.title") + " · " + trip.details().title());
        List<CustomerVisit> visits = review.visits(reader, approval);
        List<LocalDate> days = trip.details().startDate().datesUntil(trip.details().endDate().plusDays(1)).toList();
        LocalDate date = Params.date(ctx, "date").orElseGet(() -> visits.isEmpty() ? days.getFirst() : visits.getFirst().details().startsAt().toLocalDate());
        Optional<String> startPlace = Params.text(ctx, "startPlace");
        var day = RouteViews.day(date, startPlace, Optional.empty(), Optional.empty());
        DayRouteView route = DayRouteView.of(review.route(reader, approval, day), visits, page.messages());
        renderer.render(ctx, "tripsupport/approvalroute.jte", Map.of("page", page, "model", new ReviewRoutePage(approval.value(),
                TripView.of(trip, zone), trip.owner().value(), days, date, startPlace.orElse(""), route)));
    }

    private void report(Context ctx) {
        Actor reader = currentUser.actor(ctx);
        ApprovalId approval = ApprovalId.parse(ctx.pathParam("id"));
        Trip trip = review.trip(reader, approval);
        Page listPage = renderer.page(ctx, "approvals.title", "approvals", reader.user().value());
        Page page = listPage.titled(listPage.t("trips.report.printTitle") + " · " + trip.details().title());
        ExpenseReportView report = ExpenseReportView.of(review.report(reader, approval), page.messages(), zone);
        renderer.render(ctx, "tripsupport/expensereport.jte", Map.of("page", page, "model", new ExpensePages.ExpensesPage(TripView.of(trip, zone),
                report, List.of(), ExpenseReportViews.categories(), false, trip.owner().value(), "/approvals", page.t("approvals.heading"))));
    }
}
