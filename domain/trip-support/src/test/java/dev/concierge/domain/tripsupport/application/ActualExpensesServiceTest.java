package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.StoredFile;
import dev.concierge.domain.kernel.StoredFiles;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ActualExpense;
import dev.concierge.domain.tripsupport.model.ActualExpenseDetails;
import dev.concierge.domain.tripsupport.model.ActualExpenseId;
import dev.concierge.domain.tripsupport.model.ActualExpenseNotFound;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate.Category;
import dev.concierge.domain.tripsupport.model.ExpenseReport;
import dev.concierge.domain.tripsupport.model.Receipt;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.port.in.AttachReceiptCommand;
import dev.concierge.domain.tripsupport.port.in.ChangeTripStatusCommand;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpenseCommand;
import dev.concierge.domain.tripsupport.port.out.ActualExpenseRepository;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActualExpensesServiceTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    final InMemoryTripSupport world = new InMemoryTripSupport();
    final Expenses expenses = new Expenses();
    final Files files = new Files();
    final ActualExpensesService service = new ActualExpensesService(world.service, world.service, expenses, files, world.clock);

    static final class Expenses implements ActualExpenseRepository {
        final Map<ActualExpenseId, ActualExpense> rows = new LinkedHashMap<>();
        final Map<TripId, Instant> filed = new HashMap<>();
        long next = 1;

        @Override public ActualExpense add(TripId trip, ActualExpenseDetails details) {
            ActualExpense e = new ActualExpense(new ActualExpenseId(next++), trip, details, Optional.empty());
            rows.put(e.id(), e);
            return e;
        }

        @Override public Optional<ActualExpense> find(ActualExpenseId id) { return Optional.ofNullable(rows.get(id)); }

        @Override public List<ActualExpense> forTrip(TripId trip) {
            return rows.values().stream().filter(e -> e.trip().equals(trip)).sorted(Comparator.comparing(e -> e.details().spentOn())).toList();
        }

        @Override public void delete(ActualExpenseId id) { rows.remove(id); }

        @Override public ActualExpense setReceipt(ActualExpenseId id, Optional<Receipt> receipt) {
            ActualExpense e = rows.get(id);
            ActualExpense saved = new ActualExpense(e.id(), e.trip(), e.details(), receipt);
            rows.put(id, saved);
            return saved;
        }

        @Override public Optional<Instant> filedAt(TripId trip) { return Optional.ofNullable(filed.get(trip)); }

        @Override public boolean file(TripId trip, Instant at) { return filed.putIfAbsent(trip, at) == null; }
    }

    static final class Files implements StoredFiles {
        final Map<FileKey, byte[]> stored = new HashMap<>();

        @Override public long write(FileKey key, String contentType, Content content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                content.writeTo(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            stored.put(key, out.toByteArray());
            return out.size();
        }

        @Override public Optional<StoredFile> read(FileKey key) {
            return Optional.ofNullable(stored.get(key)).map(b -> new StoredFile(key, b.length, new ByteArrayInputStream(b)));
        }

        @Override public void delete(FileKey key) { stored.remove(key); }
    }

    Trip trip() {
        return world.service.create(new CreateTripCommand(ALICE, new TripDetails("Osaka", "", "Tokyo", List.of("Osaka"), DEC_1, DEC_1.plusDays(1))));
    }

    ActualExpense taxi(Trip trip) {
        return service.record(new RecordActualExpenseCommand(ALICE, trip.id(),
                new ActualExpenseDetails(DEC_1, Category.TRANSPORT, "Taxi", "", 2_400, OptionalInt.empty(), OptionalInt.empty())));
    }

    AttachReceiptCommand receipt(ActualExpense expense, String type, String text) {
        return new AttachReceiptCommand(ALICE, expense.id(), "taxi.jpg", type, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test void a_receipt_goes_to_the_file_store_under_the_trip_and_reads_back() throws IOException {
        Trip trip = trip();
        ActualExpense expense = taxi(trip);

        ActualExpense withReceipt = service.attachReceipt(receipt(expense, "image/jpeg", "JPEG bytes"));

        assertThat(withReceipt.receipt().orElseThrow().key().value()).startsWith("trip-support/receipts/" + trip.id() + "/" + expense.id() + "-");
        assertThat(withReceipt.receipt().orElseThrow().size()).isEqualTo(10);
        var download = service.receipt(ALICE, expense.id());
        assertThat(download.receipt().contentType()).isEqualTo("image/jpeg");
        try (StoredFile file = download.file()) {
            assertThat(new String(file.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("JPEG bytes");
        }
        assertThat(service.report(ALICE, trip.id()).flags()).noneMatch(f -> f.code().equals(ExpenseReport.MISSING_RECEIPT));
    }

    @Test void a_new_receipt_replaces_the_old_file_and_deleting_the_expense_removes_its_file() {
        ActualExpense expense = taxi(trip());
        service.attachReceipt(receipt(expense, "image/jpeg", "first"));
        service.attachReceipt(receipt(expense, "application/pdf", "second"));
        assertThat(files.stored).hasSize(1);

        service.delete(ALICE, expense.id());
        assertThat(files.stored).isEmpty();
    }

    @Test void a_file_of_another_type_is_refused_before_anything_is_stored() {
        ActualExpense expense = taxi(trip());
        assertThatThrownBy(() -> service.attachReceipt(receipt(expense, "text/html", "<script>"))).isInstanceOf(InvalidInput.class);
        assertThat(files.stored).isEmpty();
    }

    @Test void an_empty_file_is_refused_and_not_kept() {
        ActualExpense expense = taxi(trip());
        assertThatThrownBy(() -> service.attachReceipt(receipt(expense, "image/png", ""))).isInstanceOf(InvalidInput.class);
        assertThat(files.stored).isEmpty();
    }

    @Test void a_filed_report_freezes_its_expenses_and_is_filed_once() {
        Trip trip = trip();
        ActualExpense expense = taxi(trip);

        ExpenseReport filed = service.file(ALICE, trip.id());

        assertThat(filed.filedAt()).contains(InMemoryTripSupport.NOW);
        assertThatThrownBy(() -> taxi(trip)).isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.code()).isEqualTo("report_filed"));
        assertThatThrownBy(() -> service.delete(ALICE, expense.id())).isInstanceOf(RuleViolated.class);
        assertThatThrownBy(() -> service.attachReceipt(receipt(expense, "image/jpeg", "x"))).isInstanceOf(RuleViolated.class);
        assertThatThrownBy(() -> service.file(ALICE, trip.id())).isInstanceOf(RuleViolated.class);
    }

    @Test void a_cancelled_trip_takes_no_expenses() {
        Trip trip = trip();
        world.service.changeStatus(new ChangeTripStatusCommand(ALICE, trip.id(), TripStatus.CANCELLED, trip.version()));
        assertThatThrownBy(() -> taxi(trip)).isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.code()).isEqualTo("trip_closed"));
    }

    @Test void another_users_expenses_do_not_exist_for_them() {
        Trip trip = trip();
        ActualExpense expense = taxi(trip);
        assertThatThrownBy(() -> service.receipt(BOB, expense.id())).isInstanceOf(ActualExpenseNotFound.class);
        assertThatThrownBy(() -> service.delete(BOB, expense.id())).isInstanceOf(ActualExpenseNotFound.class);
        assertThatThrownBy(() -> service.expenses(BOB, trip.id())).isInstanceOf(dev.concierge.domain.kernel.NotFound.class);
    }
}
