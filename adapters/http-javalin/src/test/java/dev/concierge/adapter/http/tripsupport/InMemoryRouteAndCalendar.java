package dev.concierge.adapter.http.tripsupport;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.TravelTime;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitWindow;
import dev.concierge.domain.tripsupport.port.out.CalendarSubscriptionRepository;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.VisitWindowRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory windows and subscriptions for the HTTP tests; travel is 30 minutes between any two different places. */
final class InMemoryRouteAndCalendar {
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

    private InMemoryRouteAndCalendar() {}
}
