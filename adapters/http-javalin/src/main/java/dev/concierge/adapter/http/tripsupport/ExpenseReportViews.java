package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.ActualExpense;
import dev.concierge.domain.tripsupport.model.ActualExpenseDetails;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.ExpenseReport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** What the after-the-trip API takes and answers: flags and row descriptions worded in the reader's language. */
public final class ExpenseReportViews {
    private ExpenseReportViews() {}

    /** Body of {@code POST /api/trips/{id}/actual-expenses}. */
    public record ActualExpenseRequest(LocalDate spentOn, String category, String description, String city, Long amount,
                                       Integer nights, Integer estimateLine) {}

    public record ReceiptView(String name, String contentType, long size, String href) {}

    public record ActualExpenseView(long id, long tripId, LocalDate spentOn, String category, String description, String city,
                                    long amount, Integer nights, Integer estimateLine, ReceiptView receipt) {
        static ActualExpenseView of(ActualExpense e) {
            ActualExpenseDetails d = e.details();
            return new ActualExpenseView(e.id().value(), e.trip().value(), d.spentOn(), d.category().wireName(), d.description(), d.city(),
                    d.amount(), d.nights().isPresent() ? d.nights().getAsInt() : null, d.estimateLine().isPresent() ? d.estimateLine().getAsInt() : null,
                    e.receipt().map(r -> new ReceiptView(r.name(), r.contentType(), r.size(), "/api/actual-expenses/" + e.id() + "/receipt")).orElse(null));
        }
    }

    public record RowView(int estimateLine, String category, String description, long estimated, long actual, long difference,
                          List<Long> expenses) {}

    public record FlagView(String code, Long expenseId, Integer row, String message) {}

    public record ExpenseReportView(String currency, List<RowView> rows, List<ActualExpenseView> expenses, List<FlagView> flags,
                                    long estimatedTotal, long actualTotal, long difference, OffsetDateTime filedAt) {
        static ExpenseReportView of(ExpenseReport report, Messages messages, ZoneId zone) {
            TripTexts texts = new TripTexts(messages);
            Map<Long, String> descriptions = report.expenses().stream().collect(Collectors.toMap(e -> e.id().value(), e -> e.details().description()));
            List<RowView> rows = report.rows().stream().map(r -> new RowView(r.estimateLine(), r.category().wireName(),
                    r.description().map(texts::line).orElseGet(() -> messages.t("trips.report.unplanned",
                            r.expenses().stream().map(id -> descriptions.get(id.value())).collect(Collectors.joining(", ")))),
                    r.estimated(), r.actual(), r.difference(), r.expenses().stream().map(id -> id.value()).toList())).toList();
            List<FlagView> flags = report.flags().stream().map(f -> new FlagView(f.code(), f.expense().map(id -> id.value()).orElse(null),
                    f.row() < 0 ? null : f.row(), messages.t("trips.report.flag." + f.code(), f.args().stream().map(ExpenseReportViews::figure).toArray())))
                    .toList();
            return new ExpenseReportView(report.currency(), rows, report.expenses().stream().map(ActualExpenseView::of).toList(), flags,
                    report.estimatedTotal(), report.actualTotal(), report.difference(),
                    report.filedAt().map(at -> at.atZone(zone).toOffsetDateTime()).orElse(null));
        }
    }

    private static Object figure(Object arg) {
        return arg instanceof ExpenseEstimate.Money money ? TripTexts.money(money.amount(), money.currency()) : String.valueOf(arg);
    }

    static ActualExpenseDetails details(ActualExpenseRequest body) {
        if (body.amount() == null) throw Params.invalid("amount", Validation.REQUIRED);
        return new ActualExpenseDetails(body.spentOn(), category(body.category()), body.description(), body.city(), body.amount(),
                body.nights() == null ? OptionalInt.empty() : OptionalInt.of(body.nights()),
                body.estimateLine() == null ? OptionalInt.empty() : OptionalInt.of(body.estimateLine()));
    }

    static ExpenseEstimate.Category category(String text) {
        if (text == null) return null; // the details say it is required
        return Arrays.stream(ExpenseEstimate.Category.values()).filter(c -> c.wireName().equals(text.strip())).findFirst()
                .orElseThrow(() -> Params.invalid("category", Validation.ONE_OF, "lodging, per-diem, transport, other"));
    }

    static List<String> categories() { return Arrays.stream(ExpenseEstimate.Category.values()).map(ExpenseEstimate.Category::wireName).toList(); }

}
