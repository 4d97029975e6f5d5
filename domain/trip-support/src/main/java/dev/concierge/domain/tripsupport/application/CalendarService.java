package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CalendarSubscription;
import dev.concierge.domain.tripsupport.model.CalendarSubscriptionNotFound;
import dev.concierge.domain.tripsupport.model.CalendarToken;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripCalendar;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.port.in.ExportCalendarUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.out.CalendarSubscriptionRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reads trips through the owner-scoped use cases; the feed's token stands in for the session and names the owner. */
public final class CalendarService implements ExportCalendarUseCase {
    /** A feed carries at most this many trips (soonest start first), so one request stays bounded. */
    static final int FEED_TRIPS = 300;

    private final ManageTripsUseCase trips;
    private final ManageVisitsUseCase visits;
    private final PlanItineraryUseCase itineraries;
    private final CalendarSubscriptionRepository subscriptions;
    private final Clock clock;

    public CalendarService(ManageTripsUseCase trips, ManageVisitsUseCase visits, PlanItineraryUseCase itineraries,
                           CalendarSubscriptionRepository subscriptions, Clock clock) {
        this.trips = trips;
        this.visits = visits;
        this.itineraries = itineraries;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Override public String tripCalendar(UserId owner, TripId id) {
        Trip trip = trips.get(owner, id);
        return TripCalendar.write(trip.details().title(), List.of(entry(owner, trip)), clock.getZone(), clock.instant());
    }

    @Override public CalendarSubscription subscribe(UserId owner) {
        CalendarToken token = CalendarToken.generate();
        var at = clock.instant();
        subscriptions.replace(owner, token.sha256(), at);
        return new CalendarSubscription(at, Optional.of(token));
    }

    @Override public Optional<CalendarSubscription> subscription(UserId owner) {
        return subscriptions.createdAt(owner).map(at -> new CalendarSubscription(at, Optional.empty()));
    }

    @Override public void revoke(UserId owner) { subscriptions.delete(owner); }

    @Override public String feed(CalendarToken token) {
        UserId owner = subscriptions.ownerOf(token.sha256()).orElseThrow(CalendarSubscriptionNotFound::new);
        List<Trip> all = new java.util.ArrayList<>();
        for (int offset = 0; offset < FEED_TRIPS; offset += PageRequest.MAX_LIMIT) {
            var page = trips.list(owner, Optional.empty(), new PageRequest(PageRequest.MAX_LIMIT, offset));
            all.addAll(page.items());
            if (offset + PageRequest.MAX_LIMIT >= page.total()) break;
        }
        List<TripCalendar.Entry> entries = all.stream()
                .filter(trip -> trip.status() != TripStatus.CANCELLED)
                .map(trip -> entry(owner, trip))
                .toList();
        return TripCalendar.write("Concierge", entries, clock.getZone(), clock.instant());
    }

    private TripCalendar.Entry entry(UserId owner, Trip trip) {
        return new TripCalendar.Entry(trip, visits.schedule(trip).visits(), itineraries.itinerary(owner, trip.id()));
    }
}
