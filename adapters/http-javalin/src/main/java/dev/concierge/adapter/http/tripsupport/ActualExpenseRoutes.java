package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.BadRequest;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.ListView;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RequestLanguage;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.ExpenseReportViews.ActualExpenseRequest;
import dev.concierge.adapter.http.tripsupport.ExpenseReportViews.ActualExpenseView;
import dev.concierge.adapter.http.tripsupport.ExpenseReportViews.ExpenseReportView;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.ActualExpenseId;
import dev.concierge.domain.tripsupport.model.Receipt;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.in.AttachReceiptCommand;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpenseCommand;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpensesUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * After the trip: actual expenses, their receipts (the raw file as the body of a PUT, its name in {@code ?name=}), the
 * report as JSON and XLSX, and filing it.
 */
public final class ActualExpenseRoutes implements RouteGroup {
    private final RecordActualExpensesUseCase expenses;
    private final ManageTripsUseCase trips;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;
    private final ZoneId zone;

    public ActualExpenseRoutes(RecordActualExpensesUseCase expenses, ManageTripsUseCase trips, CurrentUser currentUser,
                               ObjectMapper mapper, ZoneId zone) {
        this.expenses = expenses;
        this.trips = trips;
        this.currentUser = currentUser;
        this.mapper = mapper;
        this.zone = zone;
    }

    @Override public List<LargeBody> largeBodies() {
        return List.of(new LargeBody("/api/actual-expenses/[^/]+/receipt", Receipt.MAX_SIZE + 64 * 1024));
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/api/trips/{id}/actual-expenses", ctx -> ctx.json(ListView.page(
                expenses.expenses(user(ctx), tripId(ctx)).stream().map(ActualExpenseView::of).toList(), Params.page(ctx))));
        routes.post("/api/trips/{id}/actual-expenses", ctx -> {
            TripId trip = tripId(ctx);
            ActualExpenseRequest body = Json.read(ctx, mapper, ActualExpenseRequest.class);
            ctx.status(201).json(ActualExpenseView.of(expenses.record(new RecordActualExpenseCommand(user(ctx), trip, ExpenseReportViews.details(body)))));
        });
        routes.delete("/api/actual-expenses/{id}", ctx -> {
            expenses.delete(user(ctx), expenseId(ctx));
            ctx.status(204);
        });
        routes.put("/api/actual-expenses/{id}/receipt", this::attachReceipt);
        routes.get("/api/actual-expenses/{id}/receipt", ctx -> {
            ActualExpenseId id = expenseId(ctx);
            var download = expenses.receipt(user(ctx), id);
            Receipt receipt = download.receipt();
            ctx.res().setCharacterEncoding(null); // a photo or a PDF: no charset
            ctx.contentType(receipt.contentType());
            // Never rendered inline as a page of this site, whatever the file holds.
            ctx.header("Content-Disposition", "attachment; filename=\"receipt-" + id + extension(receipt.contentType()) + "\"");
            ctx.result(download.file().content());
        });
        routes.get("/api/trips/{id}/expense-report", ctx -> ctx.json(report(ctx, tripId(ctx))));
        routes.get("/api/trips/{id}/expense-report/xlsx", ctx -> {
            TripId trip = tripId(ctx);
            String title = trips.get(user(ctx), trip).details().title();
            ExpenseReportView report = report(ctx, trip);
            ctx.header("Content-Disposition", "attachment; filename=\"expense-report-" + trip + ".xlsx\"");
            ctx.res().setCharacterEncoding(null);
            ctx.contentType(ExpenseReportXlsx.CONTENT_TYPE);
            ByteArrayOutputStream out = new ByteArrayOutputStream(); // a report is a few KiB
            ExpenseReportXlsx.write(title, report, messages(ctx), out);
            ctx.result(out.toByteArray());
        });
        routes.post("/api/trips/{id}/expense-report/file", ctx -> {
            TripId trip = tripId(ctx);
            expenses.file(user(ctx), trip);
            ctx.json(report(ctx, trip));
        });
    }

    private void attachReceipt(Context ctx) throws IOException {
        ActualExpenseId id = expenseId(ctx);
        String type = Optional.ofNullable(ctx.contentType()).orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes((int) Receipt.MAX_SIZE + 1);
        }
        if (bytes.length == 0) throw Params.invalid("receipt", Validation.BLANK);
        if (bytes.length > Receipt.MAX_SIZE) throw BadRequest.of(List.of(FieldError.of("receipt", Validation.RANGE, 1, Receipt.MAX_SIZE)));
        String name = Params.text(ctx, "name").orElse("receipt");
        ctx.json(ActualExpenseView.of(expenses.attachReceipt(new AttachReceiptCommand(user(ctx), id, name, type, out -> out.write(bytes)))));
    }

    private ExpenseReportView report(Context ctx, TripId trip) {
        return ExpenseReportView.of(expenses.report(user(ctx), trip), messages(ctx), zone);
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/heic" -> ".heic";
            case "image/webp" -> ".webp";
            default -> ".pdf";
        };
    }

    private static Messages messages(Context ctx) { return Messages.of(RequestLanguage.of(ctx)); }

    private UserId user(Context ctx) { return currentUser.of(ctx); }

    private static TripId tripId(Context ctx) { return TripId.parse(ctx.pathParam("id")); }

    private static ActualExpenseId expenseId(Context ctx) { return ActualExpenseId.parse(ctx.pathParam("id")); }
}
