package dev.concierge.adapter.persistence.tripsupport;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.trip_support.tables.records.ActualExpensesRecord;
import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.tripsupport.model.ActualExpense;
import dev.concierge.domain.tripsupport.model.ActualExpenseDetails;
import dev.concierge.domain.tripsupport.model.ActualExpenseId;
import dev.concierge.domain.tripsupport.model.ActualExpenseNotFound;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.Receipt;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.ActualExpenseRepository;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.ACTUAL_EXPENSES;
import static dev.concierge.adapter.persistence.jooq.trip_support.Tables.EXPENSE_REPORT_FILINGS;

final class JooqActualExpenseRepository implements ActualExpenseRepository {
    private final DSLContext dsl;

    JooqActualExpenseRepository(DSLContext dsl) { this.dsl = dsl; }

    @Override public ActualExpense add(TripId trip, ActualExpenseDetails d) {
        return dsl.insertInto(ACTUAL_EXPENSES)
                .set(ACTUAL_EXPENSES.TRIP_ID, trip.value())
                .set(ACTUAL_EXPENSES.SPENT_ON, d.spentOn())
                .set(ACTUAL_EXPENSES.CATEGORY, d.category().wireName())
                .set(ACTUAL_EXPENSES.DESCRIPTION, d.description())
                .set(ACTUAL_EXPENSES.CITY, d.city())
                .set(ACTUAL_EXPENSES.AMOUNT, d.amount())
                .set(ACTUAL_EXPENSES.NIGHTS, d.nights().isPresent() ? d.nights().getAsInt() : null)
                .set(ACTUAL_EXPENSES.ESTIMATE_LINE, d.estimateLine().isPresent() ? d.estimateLine().getAsInt() : null)
                .returning()
                .fetchSingle(JooqActualExpenseRepository::expense);
    }

    @Override public Optional<ActualExpense> find(ActualExpenseId id) {
        return dsl.selectFrom(ACTUAL_EXPENSES).where(ACTUAL_EXPENSES.ID.eq(id.value())).fetchOptional(JooqActualExpenseRepository::expense);
    }

    @Override public List<ActualExpense> forTrip(TripId trip) {
        return dsl.selectFrom(ACTUAL_EXPENSES).where(ACTUAL_EXPENSES.TRIP_ID.eq(trip.value()))
                .orderBy(ACTUAL_EXPENSES.SPENT_ON, ACTUAL_EXPENSES.ID).fetch(JooqActualExpenseRepository::expense);
    }

    @Override public void delete(ActualExpenseId id) { dsl.deleteFrom(ACTUAL_EXPENSES).where(ACTUAL_EXPENSES.ID.eq(id.value())).execute(); }

    @Override public ActualExpense setReceipt(ActualExpenseId id, Optional<Receipt> receipt) {
        return dsl.update(ACTUAL_EXPENSES)
                .set(ACTUAL_EXPENSES.RECEIPT_KEY, receipt.map(r -> r.key().value()).orElse(null))
                .set(ACTUAL_EXPENSES.RECEIPT_NAME, receipt.map(Receipt::name).orElse(null))
                .set(ACTUAL_EXPENSES.RECEIPT_CONTENT_TYPE, receipt.map(Receipt::contentType).orElse(null))
                .set(ACTUAL_EXPENSES.RECEIPT_SIZE, receipt.map(Receipt::size).orElse(null))
                .where(ACTUAL_EXPENSES.ID.eq(id.value()))
                .returning()
                .fetchOptional(JooqActualExpenseRepository::expense)
                .orElseThrow(() -> new ActualExpenseNotFound(id));
    }

    @Override public Optional<Instant> filedAt(TripId trip) {
        return dsl.select(EXPENSE_REPORT_FILINGS.FILED_AT).from(EXPENSE_REPORT_FILINGS).where(EXPENSE_REPORT_FILINGS.TRIP_ID.eq(trip.value()))
                .fetchOptional(r -> r.value1().toInstant());
    }

    /** The primary key makes a second filing, even a concurrent one, insert nothing. */
    @Override public boolean file(TripId trip, Instant at) {
        return dsl.insertInto(EXPENSE_REPORT_FILINGS)
                .set(EXPENSE_REPORT_FILINGS.TRIP_ID, trip.value())
                .set(EXPENSE_REPORT_FILINGS.FILED_AT, StoredTimes.utc(at))
                .onConflictDoNothing()
                .execute() == 1;
    }

    private static ActualExpense expense(ActualExpensesRecord row) {
        ExpenseEstimate.Category category = ExpenseEstimate.Category.valueOf(row.getCategory().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        var details = new ActualExpenseDetails(row.getSpentOn(), category, row.getDescription(), row.getCity(), row.getAmount(),
                row.getNights() == null ? OptionalInt.empty() : OptionalInt.of(row.getNights()),
                row.getEstimateLine() == null ? OptionalInt.empty() : OptionalInt.of(row.getEstimateLine()));
        Optional<Receipt> receipt = row.getReceiptKey() == null ? Optional.empty() : Optional.of(new Receipt(new FileKey(row.getReceiptKey()),
                row.getReceiptName(), row.getReceiptContentType(), row.getReceiptSize()));
        return new ActualExpense(new ActualExpenseId(row.getId()), new TripId(row.getTripId()), details, receipt);
    }
}
