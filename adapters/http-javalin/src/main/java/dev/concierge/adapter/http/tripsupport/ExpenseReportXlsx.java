package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.tripsupport.ExpenseReportViews.ActualExpenseView;
import dev.concierge.adapter.http.tripsupport.ExpenseReportViews.ExpenseReportView;
import dev.concierge.adapter.http.tripsupport.ExpenseReportViews.FlagView;
import dev.concierge.adapter.http.tripsupport.ExpenseReportViews.RowView;
import dev.concierge.adapter.http.web.Messages;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The expense report as an XLSX workbook (fastexcel, already this adapter's XLSX writer): a sheet comparing the estimate
 * line by line with what was spent, and a sheet of the expenses with their receipts and flags; headers in the
 * reader's language, amounts as numbers so the approver can sum them.
 */
final class ExpenseReportXlsx {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ExpenseReportXlsx() {}

    static void write(String tripTitle, ExpenseReportView report, Messages messages, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Concierge", "1.0");
        Worksheet comparison = workbook.newWorksheet(messages.t("trips.report.sheet.comparison"));
        comparison.inlineString(0, 0, tripTitle);
        comparison.style(0, 0).bold().set();
        header(comparison, 2, List.of(messages.t("trips.report.line"), messages.t("trips.report.category"), messages.t("trips.report.estimated"),
                messages.t("trips.report.actual"), messages.t("trips.report.difference")));
        int r = 3;
        for (RowView row : report.rows()) {
            comparison.inlineString(r, 0, row.description());
            comparison.inlineString(r, 1, messages.t("trips.report.category." + row.category()));
            comparison.value(r, 2, row.estimated());
            comparison.value(r, 3, row.actual());
            comparison.value(r, 4, row.difference());
            r++;
        }
        comparison.inlineString(r, 0, messages.t("trips.report.total"));
        comparison.style(r, 0).bold().set();
        comparison.value(r, 2, report.estimatedTotal());
        comparison.value(r, 3, report.actualTotal());
        comparison.value(r, 4, report.difference());
        r += 2;
        for (FlagView flag : report.flags().stream().filter(f -> f.expenseId() == null).toList()) comparison.inlineString(r++, 0, flag.message());
        double[] widths = {44, 14, 14, 14, 14};
        for (int c = 0; c < widths.length; c++) comparison.width(c, widths[c]);
        comparison.finish();

        Worksheet expenses = workbook.newWorksheet(messages.t("trips.report.sheet.expenses"));
        header(expenses, 0, List.of(messages.t("trips.report.spentOn"), messages.t("trips.report.category"), messages.t("trips.report.description"),
                messages.t("trips.report.city"), messages.t("trips.report.amount"), messages.t("trips.report.nights"),
                messages.t("trips.report.receipt"), messages.t("trips.report.flags")));
        r = 1;
        for (ActualExpenseView e : report.expenses()) {
            expenses.value(r, 0, e.spentOn());
            expenses.style(r, 0).format("yyyy-mm-dd").set();
            expenses.inlineString(r, 1, messages.t("trips.report.category." + e.category()));
            expenses.inlineString(r, 2, e.description());
            expenses.inlineString(r, 3, e.city());
            expenses.value(r, 4, e.amount());
            if (e.nights() != null) expenses.value(r, 5, e.nights());
            expenses.inlineString(r, 6, e.receipt() == null ? messages.t("trips.report.noReceipt") : e.receipt().name());
            expenses.inlineString(r, 7, report.flags().stream().filter(f -> Long.valueOf(e.id()).equals(f.expenseId()))
                    .map(FlagView::message).collect(Collectors.joining(" / ")));
            r++;
        }
        double[] expenseWidths = {12, 12, 30, 14, 12, 8, 24, 60};
        for (int c = 0; c < expenseWidths.length; c++) expenses.width(c, expenseWidths[c]);
        expenses.finish();
        workbook.finish();
    }

    private static void header(Worksheet sheet, int row, List<String> titles) {
        for (int c = 0; c < titles.size(); c++) {
            sheet.inlineString(row, c, titles.get(c));
            sheet.style(row, c).bold().fillColor("DDDDDD").set();
        }
    }
}
