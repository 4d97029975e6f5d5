package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CalendarSubscription;
import dev.concierge.domain.tripsupport.model.CalendarSubscriptionNotFound;
import dev.concierge.domain.tripsupport.model.CalendarToken;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripNotFound;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.port.in.ChangeTripStatusCommand;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.out.CalendarSubscriptionRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarServiceTest {
    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");

    final InMemoryTripSupport world = new InMemoryTripSupport();
    final Subscriptions subscriptions = new Subscriptions();
    final CalendarService calendar = new CalendarService(world.service, world.service, world.service, subscriptions, world.clock);

    static final class Subscriptions implements CalendarSubscriptionRepository {
        final Map<UserId, String> hashes = new HashMap<>();
        final Map<UserId, Instant> since = new HashMap<>();

        @Override public void replace(UserId user, String tokenSha256, Instant at) { hashes.put(user, tokenSha256); since.put(user, at); }

        @Override public Optional<Instant> createdAt(UserId user) { return Optional.ofNullable(since.get(user)); }

        @Override public Optional<UserId> ownerOf(String tokenSha256) {
            return hashes.entrySet().stream().filter(e -> e.getValue().equals(tokenSha256)).map(Map.Entry::getKey).findFirst();
        }

        @Override public void delete(UserId user) { hashes.remove(user); since.remove(user); }
    }

    Trip trip(UserId owner, String title) {
        return world.service.create(new CreateTripCommand(owner, new TripDetails(title, "", "Tokyo", List.of("Osaka"),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2))));
    }

    @Test void the_feed_holds_the_owners_trips_that_are_not_cancelled_and_nobody_elses() {
        trip(ALICE, "Osaka renewals");
        Trip cancelled = trip(ALICE, "Dropped");
        world.service.changeStatus(new ChangeTripStatusCommand(ALICE, cancelled.id(), TripStatus.CANCELLED, cancelled.version()));
        trip(BOB, "Bob's trip");

        CalendarToken token = calendar.subscribe(ALICE).token().orElseThrow();
        String feed = calendar.feed(token);

        assertThat(feed).contains("SUMMARY:Osaka renewals").doesNotContain("Dropped").doesNotContain("Bob");
        assertThat(subscriptions.hashes.get(ALICE)).isEqualTo(token.sha256()).isNotEqualTo(token.value());
    }

    @Test void regenerating_makes_the_old_address_stop_working() {
        CalendarToken old = calendar.subscribe(ALICE).token().orElseThrow();
        CalendarToken fresh = calendar.subscribe(ALICE).token().orElseThrow();

        assertThatThrownBy(() -> calendar.feed(old)).isInstanceOf(CalendarSubscriptionNotFound.class);
        assertThat(calendar.feed(fresh)).startsWith("BEGIN:VCALENDAR");
    }

    @Test void a_revoked_subscription_serves_nothing_and_is_gone() {
        CalendarToken token = calendar.subscribe(ALICE).token().orElseThrow();
        calendar.revoke(ALICE);

        assertThatThrownBy(() -> calendar.feed(token)).isInstanceOf(CalendarSubscriptionNotFound.class);
        assertThat(calendar.subscription(ALICE)).isEmpty();
    }

    @Test void the_subscription_read_later_carries_no_token() {
        CalendarSubscription made = calendar.subscribe(ALICE);
        assertThat(calendar.subscription(ALICE)).contains(new CalendarSubscription(made.createdAt(), Optional.empty()));
    }

    @Test void one_trips_file_is_only_for_its_owner() {
        Trip trip = trip(ALICE, "Osaka renewals");
        assertThat(calendar.tripCalendar(ALICE, trip.id())).contains("X-WR-CALNAME:Osaka renewals");
        assertThatThrownBy(() -> calendar.tripCalendar(BOB, trip.id())).isInstanceOf(TripNotFound.class);
    }
}
