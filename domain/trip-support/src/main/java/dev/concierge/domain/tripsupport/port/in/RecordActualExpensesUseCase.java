package dev.concierge.domain.tripsupport.port.in;

import dev.concierge.domain.kernel.StoredFile;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ActualExpense;
import dev.concierge.domain.tripsupport.model.ActualExpenseId;
import dev.concierge.domain.tripsupport.model.ExpenseReport;
import dev.concierge.domain.tripsupport.model.Receipt;
import dev.concierge.domain.tripsupport.model.TripId;

import java.util.List;

/**
 * After the trip: what was really spent, with receipts, compared with the estimate; the report for the approver.
 * Once the report is filed its expenses no longer change ({@code report_filed}); a cancelled trip takes none.
 */
public interface RecordActualExpensesUseCase {
    ActualExpense record(RecordActualExpenseCommand command);

    List<ActualExpense> expenses(UserId owner, TripId trip);

    void delete(UserId owner, ActualExpenseId expense);

    /** Stores the receipt in the file store (replacing an earlier one); @throws dev.concierge.domain.kernel.InvalidInput for a type or size not accepted */
    ActualExpense attachReceipt(AttachReceiptCommand command);

    /** A receipt with its file, for the caller to stream and close. */
    record ReceiptFile(Receipt receipt, StoredFile file) {}

    ReceiptFile receipt(UserId owner, ActualExpenseId expense);

    ExpenseReport report(UserId owner, TripId trip);

    /** Files the report (once); its expenses are frozen from then on. */
    ExpenseReport file(UserId owner, TripId trip);
}
