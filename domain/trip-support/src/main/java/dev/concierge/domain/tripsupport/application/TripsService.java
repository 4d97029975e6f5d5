package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CheckedItinerary;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ExpenseCalculator;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryRules;
import dev.concierge.domain.tripsupport.model.TravelPolicy;
import dev.concierge.domain.tripsupport.model.TravelPolicyBook;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripNotFound;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitNotFound;
import dev.concierge.domain.tripsupport.model.VisitRules;
import dev.concierge.domain.tripsupport.port.in.AddVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ChangeTripStatusCommand;
import dev.concierge.domain.tripsupport.port.in.CreateTripCommand;
import dev.concierge.domain.tripsupport.port.in.MoveVisitCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceExpensePlanCommand;
import dev.concierge.domain.tripsupport.port.in.ReplaceItineraryCommand;
import dev.concierge.domain.tripsupport.port.in.SetPreparationNotesCommand;
import dev.concierge.domain.tripsupport.port.in.UpdateTripCommand;
import dev.concierge.domain.tripsupport.port.in.UpdateVisitCommand;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.out.ExpensePlanRepository;
import dev.concierge.domain.tripsupport.port.out.ItineraryRepository;
import dev.concierge.domain.tripsupport.model.Traveller;
import dev.concierge.domain.tripsupport.port.out.TravelPolicySource;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.TravellerDirectory;
import dev.concierge.domain.tripsupport.port.out.TripRepository;
import dev.concierge.domain.tripsupport.port.out.VisitRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Trips, their visits, itinerary and expense estimate. Every call is scoped to the trip's owner. */
public final class TripsService implements ManageTripsUseCase, ManageVisitsUseCase, PlanItineraryUseCase, EstimateExpensesUseCase {
    private final TripRepository trips;
    private final VisitRepository visits;
    private final ItineraryRepository itineraries;
    private final ExpensePlanRepository plans;
    private final TravelPolicySource policy;
    private final TravellerDirectory travellers;
    private final TravelTimes travelTimes;
    private final Clock clock;

    /** Everyone at the default grade. */
    public TripsService(TripRepository trips, VisitRepository visits, ItineraryRepository itineraries,
                        ExpensePlanRepository plans, TravelPolicySource policy, TravelTimes travelTimes, Clock clock) {
        this(trips, visits, itineraries, plans, policy, Traveller::unknown, travelTimes, clock);
    }

    /** Estimates at each traveller's grade, under the policy edition in effect when the trip starts. */
    public TripsService(TripRepository trips, VisitRepository visits, ItineraryRepository itineraries,
                        ExpensePlanRepository plans, TravelPolicySource policy, TravellerDirectory travellers,
                        TravelTimes travelTimes, Clock clock) {
        this.travellers = travellers;
        this.travelTimes = travelTimes;
        this.trips = trips;
        this.visits = visits;
        this.itineraries = itineraries;
        this.plans = plans;
        this.policy = policy;
        this.clock = clock;
    }

    // Trips -------------------------------------------------------------------------------------------------

    @Override public Trip create(CreateTripCommand command) {
        return trips.create(command.owner(), command.details(), command.requestToken(), clock.instant());
    }

    @Override public Trip get(UserId owner, TripId id) {
        return trips.find(id).filter(trip -> trip.owner().equals(owner)).orElseThrow(() -> new TripNotFound(id));
    }

    @Override public Page<Trip> list(UserId owner, Optional<TripStatus> status, PageRequest page) { return trips.list(owner, status, page); }

    @Override public Trip update(UpdateTripCommand command) {
        TripId id = command.trip();
        TripDetails details = command.details();
        return change(command.owner(), id, command.expectedVersion(), trip -> {
            for (CustomerVisit visit : visits.forTrip(id)) VisitRules.requireInsideTrip(details, visit.details());
            itineraries.find(id).ifPresent(itinerary -> itinerary.requireWithin(details));
            return trip.withDetails(details, clock.instant());
        });
    }

    @Override public void delete(UserId owner, TripId id) {
        get(owner, id); // another user's trip does not exist
        Instant now = clock.instant();
        trips.delete(id, now, now.minus(Trip.RESTORABLE_FOR));
    }

    @Override public Trip restore(UserId owner, TripId id) {
        if (!trips.restore(id, owner)) throw new TripNotFound(id);
        return get(owner, id);
    }

    @Override public Trip changeStatus(ChangeTripStatusCommand command) {
        return change(command.owner(), command.trip(), command.expectedVersion(), trip -> switch (command.target()) {
            case APPROVED -> throw new RuleViolated("self_approval",
                    "A trip is approved by someone else: submit it for approval.");
            case SUBMITTED, REJECTED -> throw new RuleViolated("invalid_transition",
                    "A trip is submitted with its justifications, and rejected by its approver.");
            case COMPLETED -> trip.complete(clock.instant());
            case CANCELLED -> trip.cancel(clock.instant());
            case PLANNED -> throw new RuleViolated("invalid_transition",
                    "A trip cannot go back to planned; cancel it and plan a new one.");
        });
    }

    private Trip change(UserId owner, TripId id, long expectedVersion, UnaryOperator<Trip> change) {
        Trip trip = get(owner, id);
        if (trip.version() != expectedVersion) {
            throw new Conflict("stale", "Trip " + id + " was changed meanwhile (version " + trip.version() + ", you had "
                    + expectedVersion + "). Reload it and try again.");
        }
        return trips.save(change.apply(trip));
    }

    // Visits ------------------------------------------------------------------------------------------------

    @Override public Schedule schedule(UserId owner, TripId trip) { return schedule(get(owner, trip)); }

    @Override public Schedule schedule(Trip trip) {
        return Schedule.of(visits.forTrip(trip.id()));
    }

    @Override public CustomerVisit add(AddVisitCommand command) {
        Trip trip = get(command.owner(), command.trip());
        trip.requireEditable();
        VisitRules.requireInsideTrip(trip.details(), command.details());
        return visits.add(command.trip(), command.details());
    }

    @Override public CustomerVisit update(UpdateVisitCommand command) {
        UserId owner = command.owner();
        VisitId id = command.visit();
        VisitDetails details = command.details();
        CustomerVisit visit = get(owner, id);
        if (visit.version() != command.expectedVersion()) {
            throw new Conflict("stale", "Visit " + id + " was changed meanwhile. Reload it and try again.");
        }
        Trip trip = get(owner, visit.trip());
        trip.requireEditable();
        VisitRules.requireInsideTrip(trip.details(), details);
        return visits.save(new CustomerVisit(id, visit.trip(), details, visit.preparationNotes(), visit.version()));
    }

    @Override public CustomerVisit move(MoveVisitCommand command) {
        CustomerVisit visit = get(command.owner(), command.visit());
        VisitDetails d = visit.details();
        return update(new UpdateVisitCommand(command.owner(), command.visit(),
                new VisitDetails(d.company(), d.contacts(), d.location(), command.newStart(), d.duration(), d.agenda(), d.notes()),
                visit.version()));
    }

    @Override public CustomerVisit get(UserId owner, VisitId id) {
        CustomerVisit visit = visits.find(id).orElseThrow(() -> new VisitNotFound(id));
        boolean mine = trips.find(visit.trip()).map(t -> t.owner().equals(owner)).orElse(false);
        if (!mine) throw new VisitNotFound(id);
        return visit;
    }

    @Override public void delete(UserId owner, VisitId id) {
        CustomerVisit visit = get(owner, id);
        get(owner, visit.trip()).requireEditable();
        visits.delete(id);
    }

    @Override public CustomerVisit setPreparationNotes(SetPreparationNotesCommand command) {
        CustomerVisit visit = get(command.owner(), command.visit());
        get(command.owner(), visit.trip()).requireEditable();
        return visits.save(new CustomerVisit(visit.id(), visit.trip(), visit.details(), Optional.ofNullable(command.notes()), visit.version()));
    }

    // Itinerary ---------------------------------------------------------------------------------------------

    @Override public Itinerary itinerary(UserId owner, TripId trip) {
        get(owner, trip);
        return itineraries.find(trip).orElse(Itinerary.empty());
    }

    @Override public CheckedItinerary checkedItinerary(UserId owner, TripId tripId) {
        Trip trip = get(owner, tripId);
        Itinerary itinerary = itineraries.find(tripId).orElse(Itinerary.empty());
        return new CheckedItinerary(itinerary, ItineraryRules.check(trip.details(), visits.forTrip(tripId), itinerary, travelTimes::between));
    }

    @Override public CheckedItinerary replace(ReplaceItineraryCommand command) {
        TripId tripId = command.trip();
        Trip trip = get(command.owner(), tripId);
        trip.requireEditable();
        CheckedItinerary checked = ItineraryRules.forSaving(trip.details(), visits.forTrip(tripId), command.itinerary(), travelTimes::between);
        itineraries.save(tripId, checked.itinerary());
        return checked;
    }

    // Expenses ----------------------------------------------------------------------------------------------

    @Override public ExpensePlan plan(UserId owner, TripId trip) {
        get(owner, trip);
        return plans.find(trip).orElse(ExpensePlan.empty());
    }

    @Override public ExpensePlan replacePlan(ReplaceExpensePlanCommand command) {
        get(command.owner(), command.trip()).requireEditable();
        plans.save(command.trip(), command.plan());
        return command.plan();
    }

    @Override public ExpenseEstimate estimate(UserId owner, TripId tripId) {
        Trip trip = get(owner, tripId);
        return ExpenseCalculator.estimate(trip.details(), plans.find(tripId).orElse(ExpensePlan.empty()), policy.book(),
                travellers.find(owner).grade());
    }

    @Override public TravelPolicy policy() { return policy.policy(); }

    @Override public TravelPolicyBook policyBook() { return policy.book(); }
}
