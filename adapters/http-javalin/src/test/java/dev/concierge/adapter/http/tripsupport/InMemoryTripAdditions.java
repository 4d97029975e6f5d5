package dev.concierge.adapter.http.tripsupport;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.TravelTime;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitWindow;
import dev.concierge.domain.tripsupport.port.out.CalendarSubscriptionRepository;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.VisitWindowRepository;

import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.StoredFile;
import dev.concierge.domain.kernel.StoredFiles;
import dev.concierge.domain.tripsupport.model.ActualExpense;
import dev.concierge.domain.tripsupport.model.ActualExpenseDetails;
import dev.concierge.domain.tripsupport.model.ActualExpenseId;
import dev.concierge.domain.tripsupport.model.Receipt;
import dev.concierge.domain.tripsupport.port.out.ActualExpenseRepository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory windows, subscriptions, actual expenses and files for the HTTP tests; travel is 30 minutes between any two different places. */
final class InMemoryTripAdditions {
    static final TravelTimes HALF_HOUR_APART = (from, to) -> from.equals(to) ? TravelTime.none()
            : new TravelTime(Duration.ofMinutes(30), TravelTime.Basis.TABLE);

    static final class Windows implements VisitWindowRepository {
        private final Map<VisitId, VisitWindow> rows = new ConcurrentHashMap<>();
        @Override public Optional<VisitWindow> find(VisitId visit) { return Optional.ofNullable(rows.get(visit)); }

        /** Every window: the route service only looks up the trip's own visits in it. */
        @Override public Map<VisitId, VisitWindow> forTrip(TripId trip) { return Map.copyOf(rows); }

        @Override public void save(VisitId visit, Optional<VisitWindow> window) {
            window.ifPresentOrElse(w -> rows.put(visit, w), () -> rows.remove(visit));
        }
    }

    static final class Subscriptions implements CalendarSubscriptionRepository {
        private final Map<UserId, String> hashes = new ConcurrentHashMap<>();
        private final Map<UserId, Instant> since = new ConcurrentHashMap<>();

        @Override public void replace(UserId user, String tokenSha256, Instant at) { hashes.put(user, tokenSha256); since.put(user, at); }

        @Override public Optional<Instant> createdAt(UserId user) { return Optional.ofNullable(since.get(user)); }

        @Override public Optional<UserId> ownerOf(String tokenSha256) {
            return hashes.entrySet().stream().filter(e -> e.getValue().equals(tokenSha256)).map(Map.Entry::getKey).findFirst();
        }

        @Override public void delete(UserId user) { hashes.remove(user); since.remove(user); }
    }

    static final class Expenses implements ActualExpenseRepository {
        private final Map<ActualExpenseId, ActualExpense> rows = new ConcurrentHashMap<>();
        private final Map<TripId, Instant> filed = new ConcurrentHashMap<>();
        private final AtomicLong next = new AtomicLong(1);

        @Override public ActualExpense add(TripId trip, ActualExpenseDetails details) {
            ActualExpense e = new ActualExpense(new ActualExpenseId(next.getAndIncrement()), trip, details, Optional.empty());
            rows.put(e.id(), e);
            return e;
        }

        @Override public Optional<ActualExpense> find(ActualExpenseId id) { return Optional.ofNullable(rows.get(id)); }

        @Override public List<ActualExpense> forTrip(TripId trip) {
            return rows.values().stream().filter(e -> e.trip().equals(trip))
                    .sorted(Comparator.comparing((ActualExpense e) -> e.details().spentOn()).thenComparing(e -> e.id().value())).toList();
        }

        @Override public void delete(ActualExpenseId id) { rows.remove(id); }

        @Override public ActualExpense setReceipt(ActualExpenseId id, Optional<Receipt> receipt) {
            return rows.computeIfPresent(id, (k, e) -> new ActualExpense(e.id(), e.trip(), e.details(), receipt));
        }

        @Override public Optional<Instant> filedAt(TripId trip) { return Optional.ofNullable(filed.get(trip)); }

        @Override public boolean file(TripId trip, Instant at) { return filed.putIfAbsent(trip, at) == null; }
    }

    static final class Files implements StoredFiles {
        final Map<FileKey, byte[]> stored = new ConcurrentHashMap<>();

        @Override public long write(FileKey key, String contentType, Content content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                content.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stored.put(key, out.toByteArray());
            return out.size();
        }

        @Override public Optional<StoredFile> read(FileKey key) {
            return Optional.ofNullable(stored.get(key)).map(b -> new StoredFile(key, b.length, new ByteArrayInputStream(b)));
        }

        @Override public void delete(FileKey key) { stored.remove(key); }
    }

    private InMemoryTripAdditions() {}
}
