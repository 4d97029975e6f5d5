package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.ExpenseReportViews.ExpenseReportView;
import dev.concierge.adapter.http.tripsupport.TripViews.TripView;
import dev.concierge.adapter.http.web.Page;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpensesUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /trips/{id}/expenses} (record what was spent, hand in receipts, compare with the estimate, file the report)
 * and {@code /trips/{id}/expense-report} (the report as a page made for printing or saving as PDF, for the approver).
 */
public final class ExpensePages implements RouteGroup {
    private final ManageTripsUseCase trips;
    private final EstimateExpensesUseCase estimates;
    private final RecordActualExpensesUseCase expenses;
    private final CurrentUser currentUser;
    private final PageRenderer renderer;
    private final ZoneId zone;

    public ExpensePages(ManageTripsUseCase trips, EstimateExpensesUseCase estimates, RecordActualExpensesUseCase expenses,
                        CurrentUser currentUser, PageRenderer renderer, ZoneId zone) {
        this.trips = trips;
        this.estimates = estimates;
        this.expenses = expenses;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.zone = zone;
    }

    /** An estimate line the traveller can say an expense answers. */
    public record LineChoice(int index, String text) {}

    /** {@code traveller} whose trip it is; {@code back} where the page's first link returns ({@code backLabel} its words). */
    public record ExpensesPage(TripView trip, ExpenseReportView report, List<LineChoice> lines, List<String> categories, boolean open,
                               String traveller, String back, String backLabel) {
        public boolean filed() { return report.filedAt() != null; }

        /** A shortfall with its sign before the currency (-¥6,000), as accountants write it. */
        public String amount(long value) { return value < 0 ? "-" + TripTexts.money(-value, report.currency()) : TripTexts.money(value, report.currency()); }
    }

    @Override public void register(RoutesConfig config) {
        config.get("/trips/{id}/expenses", ctx -> render(ctx, "tripsupport/expenses.jte", "trips.report.title"));
        config.get("/trips/{id}/expense-report", ctx -> render(ctx, "tripsupport/expensereport.jte", "trips.report.printTitle"));
    }

    private void render(Context ctx, String template, String titleKey) {
        UserId user = currentUser.of(ctx);
        TripId id = TripId.parse(ctx.pathParam("id"));
        Trip trip = trips.get(user, id);
        Page listPage = renderer.page(ctx, "trips.title", "trips", user.value());
        Page page = listPage.titled(listPage.t(titleKey) + " · " + trip.details().title());
        TripTexts texts = new TripTexts(page.messages());
        var estimate = estimates.estimate(user, id);
        List<LineChoice> lines = new ArrayList<>();
        for (int i = 0; i < estimate.lines().size(); i++) lines.add(new LineChoice(i, texts.line(estimate.lines().get(i).description())));
        ExpenseReportView report = ExpenseReportView.of(expenses.report(user, id), page.messages(), zone);
        boolean open = trip.status() != TripStatus.CANCELLED && report.filedAt() == null;
        renderer.render(ctx, template, Map.of("page", page, "model",
                new ExpensesPage(TripView.of(trip, zone), report, lines, ExpenseReportViews.categories(), open, user.value(),
                        "/trips/" + trip.id() + "/expenses", page.t("trips.report.title"))));
    }
}
