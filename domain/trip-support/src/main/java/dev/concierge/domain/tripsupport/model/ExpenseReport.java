package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Category;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The expense report after the trip: the estimate line by line against what was really spent, the expenses with no
 * line (unplanned), and every flag for the approver — codes with figures, worded by the driving adapter.
 */
public record ExpenseReport(String currency, List<Row> rows, List<ActualExpense> expenses, List<Flag> flags,
                            long estimatedTotal, long actualTotal, Optional<Instant> filedAt) {
    /** (description): a cost other than the daily allowance has no receipt. */
    public static final String MISSING_RECEIPT = "missing_receipt";
    /** (city, paid per night, cap per night): a stay above the policy's lodging cap. */
    public static final String LODGING_OVER_CAP = "lodging_over_cap";
    /** (date, trip start, trip end): spent on a day that is not a day of the trip. */
    public static final String OUTSIDE_TRIP = "outside_trip";
    /** (estimated, actual): a line of the estimate cost more than estimated. */
    public static final String OVER_ESTIMATE = "over_estimate";

    public ExpenseReport {
        rows = List.copyOf(rows);
        expenses = List.copyOf(expenses);
        flags = List.copyOf(flags);
    }

    /**
     * One line of the estimate ({@code estimateLine} its index, {@code description} its phrase) or one unplanned expense
     * ({@code estimateLine} -1, {@code description} empty), with what was spent against it.
     */
    public record Row(int estimateLine, Category category, Optional<ExpenseEstimate.Phrase> description, long estimated, long actual,
                      List<ActualExpenseId> expenses) {
        public Row { expenses = List.copyOf(expenses); }

        public long difference() { return actual - estimated; }
    }

    /** A flag on an expense ({@code expense} present) or on a row ({@code row} its index in {@link #rows}, else -1). */
    public record Flag(String code, Optional<ActualExpenseId> expense, int row, List<Object> args) {
        public Flag { args = List.copyOf(args); }
    }

    public long difference() { return actualTotal - estimatedTotal; }

    /**
     * Compares {@code actuals} with {@code estimate}. An expense answers the line it names; without one, the only line of
     * its category if there is exactly one; otherwise (or when the line no longer exists) it is unplanned.
     */
    public static ExpenseReport compare(TripDetails trip, ExpenseEstimate estimate, List<ActualExpense> actuals,
                                        ToLongFunction<String> lodgingCapPerNight, Optional<Instant> filedAt) {
        String cur = estimate.currency();
        List<ExpenseEstimate.Line> lines = estimate.lines();
        List<List<ActualExpense>> byLine = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) byLine.add(new ArrayList<>());
        List<ActualExpense> unplanned = new ArrayList<>();
        for (ActualExpense expense : actuals) {
            int line = lineOf(expense.details(), lines);
            if (line >= 0) byLine.get(line).add(expense);
            else unplanned.add(expense);
        }
        List<Row> rows = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ExpenseEstimate.Line line = lines.get(i);
            long actual = byLine.get(i).stream().mapToLong(e -> e.details().amount()).sum();
            rows.add(new Row(i, line.category(), Optional.of(line.description()), line.amount(), actual,
                    byLine.get(i).stream().map(ActualExpense::id).toList()));
            if (actual > line.amount()) flags.add(new Flag(OVER_ESTIMATE, Optional.empty(), i, List.of(new Money(line.amount(), cur), new Money(actual, cur))));
        }
        for (ActualExpense expense : unplanned) {
            rows.add(new Row(-1, expense.details().category(), Optional.empty(), 0, expense.details().amount(), List.of(expense.id())));
        }
        for (ActualExpense expense : actuals) {
            ActualExpenseDetails d = expense.details();
            if (!trip.covers(d.spentOn())) {
                flags.add(new Flag(OUTSIDE_TRIP, Optional.of(expense.id()), -1, List.of(d.spentOn(), trip.startDate(), trip.endDate())));
            }
            if (d.category() == Category.LODGING && d.nights().isPresent()) {
                long perNight = Math.ceilDiv(d.amount(), (long) d.nights().getAsInt());
                long cap = lodgingCapPerNight.applyAsLong(d.city());
                if (perNight > cap) flags.add(new Flag(LODGING_OVER_CAP, Optional.of(expense.id()), -1,
                        List.of(d.city(), new Money(perNight, cur), new Money(cap, cur))));
            }
            // The daily allowance is paid at a flat rate: nothing to prove with a receipt.
            if (d.category() != Category.PER_DIEM && d.amount() > 0 && expense.receipt().isEmpty()) {
                flags.add(new Flag(MISSING_RECEIPT, Optional.of(expense.id()), -1, List.of(d.description())));
            }
        }
        long actualTotal = actuals.stream().mapToLong(e -> e.details().amount()).sum();
        return new ExpenseReport(cur, rows, actuals, flags, estimate.total(), actualTotal, filedAt);
    }

    private static int lineOf(ActualExpenseDetails details, List<ExpenseEstimate.Line> lines) {
        if (details.estimateLine().isPresent()) {
            int named = details.estimateLine().getAsInt();
            return named < lines.size() ? named : -1;
        }
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).category() != details.category()) continue;
            if (found >= 0) return -1; // more than one line of the category: the traveller must say which
            found = i;
        }
        return found;
    }
}
