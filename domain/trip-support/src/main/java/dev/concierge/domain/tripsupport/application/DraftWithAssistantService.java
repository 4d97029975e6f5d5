package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DraftedItinerary;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.in.DraftWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;

import java.util.Optional;

/**
 * Reads through the same use cases as the API (so only the owner's trips), has the itinerary drafted and checked by
 * {@link ItineraryRepair}, stores nothing.
 */
public final class DraftWithAssistantService implements DraftWithAssistantUseCase {
    private final ManageTripsUseCase trips;
    private final ManageVisitsUseCase visits;
    private final TripDrafter drafter;
    private final ItineraryRepair repair;

    public DraftWithAssistantService(ManageTripsUseCase trips, ManageVisitsUseCase visits, TripDrafter drafter, TravelTimes travelTimes,
                                     int repairRounds) {
        this.trips = trips;
        this.visits = visits;
        this.drafter = drafter;
        this.repair = new ItineraryRepair(drafter, travelTimes, repairRounds);
    }

    @Override public DraftedItinerary draftItinerary(UserId owner, TripId tripId, Optional<Language> language) {
        Trip trip = trips.get(owner, tripId);
        return repair.draft(trip.details(), visits.schedule(trip).visits(), language.orElseGet(trip.details()::language));
    }

    @Override public String draftPreparationNotes(UserId owner, VisitId visitId, Optional<Language> language) {
        CustomerVisit visit = visits.get(owner, visitId);
        Trip trip = trips.get(owner, visit.trip());
        return drafter.draftPreparationNotes(trip.details(), visit, language.orElseGet(trip.details()::language));
    }
}
