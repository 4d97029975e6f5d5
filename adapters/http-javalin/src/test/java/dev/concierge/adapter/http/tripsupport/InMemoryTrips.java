package dev.concierge.adapter.http.tripsupport;

import dev.concierge.domain.tripsupport.port.in.AddVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ChangeTripStatusCommand;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.MoveVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceExpensePlanCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceItineraryCommand;
import dev.concierge.domain.tripsupport.port.in.SetPreparationNotesCommand;
import dev.concierge.domain.tripsupport.port.in.UpdateTripCommand;
import dev.concierge.domain.tripsupport.port.in.UpdateVisitCommand;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ExpenseCalculator;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.CheckedItinerary;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryRules;
import dev.concierge.domain.tripsupport.model.TravelTime;
import dev.concierge.domain.tripsupport.model.TravelPolicy;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripNotFound;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitNotFound;
import dev.concierge.domain.tripsupport.model.VisitRules;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;

import dev.concierge.domain.tripsupport.port.out.ExpensePlanRepository;
import dev.concierge.domain.tripsupport.port.out.TripRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trips, visits, itinerary and expenses kept in maps, applying the domain model's own rules (dates, status,
 * overlaps, the expense calculator): enough behaviour to prove the HTTP side maps every outcome.
 */
final class InMemoryTrips implements ManageTripsUseCase, ManageVisitsUseCase, PlanItineraryUseCase, EstimateExpensesUseCase {
    private final Map<TripId, Trip> trips = new HashMap<>();
    private final Map<VisitId, CustomerVisit> visits = new HashMap<>();
    private final Map<TripId, Itinerary> itineraries = new HashMap<>();
    private final Map<TripId, ExpensePlan> plans = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    InMemoryTrips(Clock clock) { this.clock = clock; }

    private final Map<String, TripId> byToken = new HashMap<>();
    private final Map<TripId, Trip> deleted = new HashMap<>();

    @Override public synchronized Trip create(CreateTripCommand command) {
        UserId owner = command.owner();
        TripDetails details = command.details();
        Optional<TripId> earlier = command.requestToken().map(t -> byToken.get(owner.value() + " " + t));
        if (earlier.isPresent()) return trips.getOrDefault(earlier.get(), deleted.get(earlier.get()));
        Trip trip = new Trip(new TripId(ids.incrementAndGet()), owner, details, TripStatus.PLANNED, 1, clock.instant());
        trips.put(trip.id(), trip);
        command.requestToken().ifPresent(t -> byToken.put(owner.value() + " " + t, trip.id()));
        return trip;
    }

    @Override public synchronized Trip restore(UserId owner, TripId id) {
        Trip trip = deleted.get(id);
        if (trip == null || !trip.owner().equals(owner)) throw new TripNotFound(id);
        deleted.remove(id);
        trips.put(id, trip);
        return trip;
    }

    @Override public synchronized Trip get(UserId owner, TripId id) {
        Trip trip = trips.get(id);
        if (trip == null || !trip.owner().equals(owner)) throw new TripNotFound(id);
        return trip;
    }

    @Override public synchronized Page<Trip> list(UserId owner, Optional<TripStatus> status, PageRequest page) {
        List<Trip> mine = trips.values().stream().filter(t -> t.owner().equals(owner))
                .filter(t -> status.map(s -> t.status() == s).orElse(true))
                .sorted(Comparator.comparing((Trip t) -> t.details().startDate()).thenComparing(t -> t.id().value())).toList();
        return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), mine.size());
    }

    @Override public synchronized Trip update(UpdateTripCommand command) {
        UserId owner = command.owner();
        TripId id = command.trip();
        TripDetails details = command.details();
        long expectedVersion = command.expectedVersion();
        Trip trip = current(owner, id, expectedVersion);
        for (CustomerVisit visit : visitsOf(id)) VisitRules.requireInsideTrip(details, visit.details());
        Optional.ofNullable(itineraries.get(id)).ifPresent(i -> i.requireWithin(details));
        return store(trip.withDetails(details, clock.instant()));
    }

    @Override public synchronized void delete(UserId owner, TripId id) {
        deleted.put(id, get(owner, id));
        trips.remove(id);
        visits.values().removeIf(v -> v.trip().equals(id));
        itineraries.remove(id);
        plans.remove(id);
    }

    @Override public synchronized Trip changeStatus(ChangeTripStatusCommand command) {
        UserId owner = command.owner();
        TripId id = command.trip();
        TripStatus target = command.target();
        long expectedVersion = command.expectedVersion();
        Trip trip = current(owner, id, expectedVersion);
        return store(switch (target) {
            case APPROVED -> throw new RuleViolated("self_approval", "A trip is approved by someone else.");
            case SUBMITTED, REJECTED -> throw new RuleViolated("invalid_transition", "Submit the trip for approval.");
            case COMPLETED -> trip.complete(clock.instant());
            case CANCELLED -> trip.cancel(clock.instant());
            case PLANNED -> throw new RuleViolated("invalid_transition", "A trip cannot go back to planned.");
        });
    }

    @Override public synchronized Schedule schedule(UserId owner, TripId trip) { return schedule(get(owner, trip)); }

    @Override public synchronized Schedule schedule(Trip trip) {
        List<CustomerVisit> all = visitsOf(trip.id());
        return new Schedule(all, VisitRules.overlaps(all));
    }

    @Override public synchronized CustomerVisit add(AddVisitCommand command) {
        UserId owner = command.owner();
        TripId tripId = command.trip();
        VisitDetails details = command.details();
        Trip trip = get(owner, tripId);
        trip.requireEditable();
        VisitRules.requireInsideTrip(trip.details(), details);
        CustomerVisit visit = new CustomerVisit(new VisitId(ids.incrementAndGet()), tripId, details, Optional.empty(), 1);
        visits.put(visit.id(), visit);
        return visit;
    }

    @Override public synchronized CustomerVisit update(UpdateVisitCommand command) {
        UserId owner = command.owner();
        VisitId id = command.visit();
        VisitDetails details = command.details();
        long expectedVersion = command.expectedVersion();
        CustomerVisit visit = get(owner, id);
        if (visit.version() != expectedVersion) throw new Conflict("stale", "Visit " + id + " was changed meanwhile. Reload it and try again.");
        Trip trip = get(owner, visit.trip());
        trip.requireEditable();
        VisitRules.requireInsideTrip(trip.details(), details);
        return save(new CustomerVisit(id, visit.trip(), details, visit.preparationNotes(), visit.version() + 1));
    }

    @Override public synchronized CustomerVisit move(MoveVisitCommand command) {
        UserId owner = command.owner();
        VisitId id = command.visit();
        LocalDateTime newStart = command.newStart();
        CustomerVisit visit = get(owner, id);
        VisitDetails d = visit.details();
        return update(new UpdateVisitCommand(owner, id, new VisitDetails(d.company(), d.contacts(), d.location(), newStart, d.duration(),
                d.agenda(), d.notes()), visit.version()));
    }

    @Override public synchronized CustomerVisit get(UserId owner, VisitId id) {
        CustomerVisit visit = visits.get(id);
        if (visit == null || !trips.get(visit.trip()).owner().equals(owner)) throw new VisitNotFound(id);
        return visit;
    }

    @Override public synchronized void delete(UserId owner, VisitId id) {
        CustomerVisit visit = get(owner, id);
        get(owner, visit.trip()).requireEditable();
        visits.remove(id);
    }

    @Override public synchronized CustomerVisit setPreparationNotes(SetPreparationNotesCommand command) {
        UserId owner = command.owner();
        VisitId id = command.visit();
        String notes = command.notes();
        CustomerVisit visit = get(owner, id);
        return save(new CustomerVisit(id, visit.trip(), visit.details(), Optional.ofNullable(notes), visit.version() + 1));
    }

    @Override public synchronized Itinerary itinerary(UserId owner, TripId trip) {
        get(owner, trip);
        return itineraries.getOrDefault(trip, Itinerary.empty());
    }

    @Override public synchronized CheckedItinerary checkedItinerary(UserId owner, TripId tripId) {
        Trip trip = get(owner, tripId);
        Itinerary itinerary = itineraries.getOrDefault(tripId, Itinerary.empty());
        return new CheckedItinerary(itinerary, ItineraryRules.check(trip.details(), visitsOf(tripId), itinerary, InMemoryTrips::travel));
    }

    @Override public synchronized CheckedItinerary replace(ReplaceItineraryCommand command) {
        UserId owner = command.owner();
        TripId tripId = command.trip();
        Trip trip = get(owner, tripId);
        trip.requireEditable();
        CheckedItinerary checked = ItineraryRules.forSaving(trip.details(), visitsOf(tripId), command.itinerary(), InMemoryTrips::travel);
        itineraries.put(tripId, checked.itinerary());
        return checked;
    }

    /** Different places are a known hour apart: enough to see the travel rule answered. */
    private static TravelTime travel(String from, String to) {
        return from.equals(to) ? TravelTime.none() : new TravelTime(java.time.Duration.ofHours(1), TravelTime.Basis.TABLE);
    }

    @Override public synchronized ExpensePlan plan(UserId owner, TripId trip) {
        get(owner, trip);
        return plans.getOrDefault(trip, ExpensePlan.empty());
    }

    @Override public synchronized ExpensePlan replacePlan(ReplaceExpensePlanCommand command) {
        UserId owner = command.owner();
        TripId trip = command.trip();
        ExpensePlan plan = command.plan();
        get(owner, trip).requireEditable();
        plans.put(trip, plan);
        return plan;
    }

    @Override public synchronized ExpenseEstimate estimate(UserId owner, TripId tripId) {
        Trip trip = get(owner, tripId);
        return ExpenseCalculator.estimate(trip.details(), plans.getOrDefault(tripId, ExpensePlan.empty()), policy());
    }

    @Override public TravelPolicy policy() { return TravelPolicy.domesticJapan(); }

    /** The same trips and plans as the driven ports the approval service needs. */
    TripRepository asTripRepository() {
        InMemoryTrips self = this;
        return new TripRepository() {
            @Override public Trip create(UserId owner, TripDetails details, Optional<String> requestToken, Instant at) {
                throw new UnsupportedOperationException();
            }

            @Override public Optional<Trip> find(TripId id) { synchronized (self) { return Optional.ofNullable(trips.get(id)); } }

            @Override public Page<Trip> list(UserId owner, Optional<TripStatus> status, PageRequest page) { return self.list(owner, status, page); }

            @Override public Trip save(Trip trip) {
                synchronized (self) {
                    if (trips.get(trip.id()).version() != trip.version()) throw new Conflict("stale", "Trip " + trip.id() + " was changed meanwhile.");
                    return store(trip);
                }
            }

            @Override public void delete(TripId id, Instant at, Instant purgeBefore) { throw new UnsupportedOperationException(); }

            @Override public boolean restore(TripId id, UserId owner) { throw new UnsupportedOperationException(); }
        };
    }

    ExpensePlanRepository asPlanRepository() {
        InMemoryTrips self = this;
        return new ExpensePlanRepository() {
            @Override public Optional<ExpensePlan> find(TripId trip) { synchronized (self) { return Optional.ofNullable(plans.get(trip)); } }

            @Override public void save(TripId trip, ExpensePlan plan) { synchronized (self) { plans.put(trip, plan); } }
        };
    }

    private Trip current(UserId owner, TripId id, long expectedVersion) {
        Trip trip = get(owner, id);
        if (trip.version() != expectedVersion) throw new Conflict("stale", "Trip " + id + " was changed meanwhile. Reload it and try again.");
        return trip;
    }

    private Trip store(Trip trip) {
        Trip stored = new Trip(trip.id(), trip.owner(), trip.details(), trip.status(), trip.version() + 1, trip.updatedAt());
        trips.put(stored.id(), stored);
        return stored;
    }

    private CustomerVisit save(CustomerVisit visit) {
        visits.put(visit.id(), visit);
        return visit;
    }

    private List<CustomerVisit> visitsOf(TripId trip) {
        return visits.values().stream().filter(v -> v.trip().equals(trip))
                .sorted(Comparator.comparing((CustomerVisit v) -> v.details().startsAt())).toList();
    }
}
