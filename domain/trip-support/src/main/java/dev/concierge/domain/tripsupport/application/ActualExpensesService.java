package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.StoredFiles;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ActualExpense;
import dev.concierge.domain.tripsupport.model.ActualExpenseId;
import dev.concierge.domain.tripsupport.model.ActualExpenseNotFound;
import dev.concierge.domain.tripsupport.model.ExpenseReport;
import dev.concierge.domain.tripsupport.model.Receipt;
import dev.concierge.domain.tripsupport.model.ReceiptNotFound;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.port.in.AttachReceiptCommand;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpenseCommand;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpensesUseCase;
import dev.concierge.domain.tripsupport.port.out.ActualExpenseRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads trips and estimates through the owner-scoped use cases; receipts go to the shared file store. */
public final class ActualExpensesService implements RecordActualExpensesUseCase {
    /** Receipts live under this prefix of the file store, one folder per trip. */
    static final String RECEIPTS = "trip-support/receipts/";

    private final ManageTripsUseCase trips;
    private final EstimateExpensesUseCase estimates;
    private final ActualExpenseRepository expenses;
    private final StoredFiles files;
    private final Clock clock;

    public ActualExpensesService(ManageTripsUseCase trips, EstimateExpensesUseCase estimates, ActualExpenseRepository expenses,
                                 StoredFiles files, Clock clock) {
        this.trips = trips;
        this.estimates = estimates;
        this.expenses = expenses;
        this.files = files;
        this.clock = clock;
    }

    @Override public ActualExpense record(RecordActualExpenseCommand command) {
        Trip trip = openForExpenses(command.owner(), command.trip());
        return expenses.add(trip.id(), command.details());
    }

    @Override public List<ActualExpense> expenses(UserId owner, TripId trip) {
        trips.get(owner, trip);
        return expenses.forTrip(trip);
    }

    @Override public void delete(UserId owner, ActualExpenseId id) {
        ActualExpense expense = get(owner, id);
        openForExpenses(owner, expense.trip());
        expenses.delete(id);
        expense.receipt().ifPresent(r -> files.delete(r.key()));
    }

    @Override public ActualExpense attachReceipt(AttachReceiptCommand command) {
        ActualExpense expense = get(command.owner(), command.expense());
        openForExpenses(command.owner(), expense.trip());
        FileKey key = new FileKey(RECEIPTS + expense.trip() + "/" + expense.id() + "-" + UUID.randomUUID());
        new Receipt(key, command.name(), command.contentType(), 1); // refuses a name or type before anything is stored
        long size = files.write(key, command.contentType(), command.content());
        Receipt receipt;
        try {
            receipt = new Receipt(key, command.name(), command.contentType(), size);
        } catch (RuntimeException tooBigOrEmpty) {
            files.delete(key);
            throw tooBigOrEmpty;
        }
        ActualExpense saved = expenses.setReceipt(expense.id(), Optional.of(receipt));
        expense.receipt().ifPresent(old -> files.delete(old.key()));
        return saved;
    }

    @Override public ReceiptFile receipt(UserId owner, ActualExpenseId id) {
        ActualExpense expense = get(owner, id);
        Receipt receipt = expense.receipt().orElseThrow(() -> new ReceiptNotFound(id));
        return new ReceiptFile(receipt, files.read(receipt.key()).orElseThrow(() -> new ReceiptNotFound(id)));
    }

    @Override public ExpenseReport report(UserId owner, TripId tripId) {
        Trip trip = trips.get(owner, tripId);
        var policy = estimates.policy();
        return ExpenseReport.compare(trip.details(), estimates.estimate(owner, tripId), expenses.forTrip(tripId),
                policy::lodgingCapFor, expenses.filedAt(tripId));
    }

    @Override public ExpenseReport file(UserId owner, TripId trip) {
        openForExpenses(owner, trip);
        if (!expenses.file(trip, clock.instant())) throw new Conflict("report_filed", "The expense report of trip " + trip + " is already filed.");
        return report(owner, trip);
    }

    private ActualExpense get(UserId owner, ActualExpenseId id) {
        ActualExpense expense = expenses.find(id).orElseThrow(() -> new ActualExpenseNotFound(id));
        try {
            trips.get(owner, expense.trip());
        } catch (dev.concierge.domain.kernel.NotFound notMine) {
            throw new ActualExpenseNotFound(id); // another user's expense does not exist
        }
        return expense;
    }

    private Trip openForExpenses(UserId owner, TripId id) {
        Trip trip = trips.get(owner, id);
        if (trip.status() == TripStatus.CANCELLED) {
            throw new RuleViolated("trip_closed", "Trip " + id + " is cancelled and takes no expenses.");
        }
        if (expenses.filedAt(id).isPresent()) {
            throw new RuleViolated("report_filed", "The expense report of trip " + id + " is filed; its expenses no longer change.");
        }
        return trip;
    }
}
