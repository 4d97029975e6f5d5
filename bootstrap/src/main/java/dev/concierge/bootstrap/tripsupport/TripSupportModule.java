package dev.concierge.bootstrap.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.domain.kernel.StoredFiles;
import dev.concierge.domain.tripsupport.application.ActualExpensesService;
import dev.concierge.domain.tripsupport.application.CalendarService;
import dev.concierge.domain.tripsupport.application.CheckSubmittedItineraryService;
import dev.concierge.domain.tripsupport.port.in.ApproveTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.CheckSubmittedItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpensesUseCase;
import dev.concierge.domain.tripsupport.port.out.ActualExpenseRepository;
import dev.concierge.domain.tripsupport.application.DayRouteService;
import dev.concierge.domain.tripsupport.application.ReviewProposalsService;
import dev.concierge.domain.tripsupport.port.in.ExportCalendarUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanDayRouteUseCase;
import dev.concierge.domain.tripsupport.port.out.CalendarSubscriptionRepository;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.VisitWindowRepository;
import dev.concierge.domain.tripsupport.application.TripsService;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.ExpensePlanRepository;
import dev.concierge.domain.tripsupport.port.out.ItineraryRepository;
import dev.concierge.domain.tripsupport.port.out.ProposalRepository;
import dev.concierge.domain.tripsupport.port.out.TravelPolicySource;
import dev.concierge.domain.tripsupport.port.out.TravellerDirectory;
import dev.concierge.domain.tripsupport.port.out.TripRepository;
import dev.concierge.domain.tripsupport.port.out.VisitRepository;

import java.time.Clock;

/**
 * Trip support's use cases that need no model: trips, visits, itinerary, expenses, and deciding on the assistant's
 * proposals. They keep working when no LLM is reachable. The chat is wired by {@link TripAssistantModule}, which
 * needs the LLM adapter's {@code TripAssistant} and {@code TripDrafter}.
 */
final class TripSupportModule extends AbstractModule {
    @Override protected void configure() {
        bind(ManageTripsUseCase.class).to(TripsService.class);
        bind(ManageVisitsUseCase.class).to(TripsService.class);
        bind(PlanItineraryUseCase.class).to(TripsService.class);
        bind(EstimateExpensesUseCase.class).to(TripsService.class);
    }

    @Provides @Singleton TripsService trips(TripRepository trips, VisitRepository visits, ItineraryRepository itineraries,
                                            ExpensePlanRepository plans, TravelPolicySource policy, TravellerDirectory travellers,
                                            TravelTimes travelTimes, Clock clock) {
        return new TripsService(trips, visits, itineraries, plans, policy, travellers, travelTimes, clock);
    }

    @Provides @Singleton CheckSubmittedItineraryUseCase submittedItineraries(ApproveTripsUseCase approvals, PlanItineraryUseCase itineraries) {
        return new CheckSubmittedItineraryService(approvals, itineraries);
    }

    @Provides @Singleton PlanDayRouteUseCase dayRoutes(ManageTripsUseCase trips, ManageVisitsUseCase visits,
                                                      VisitWindowRepository windows, TravelTimes travelTimes) {
        return new DayRouteService(trips, visits, windows, travelTimes);
    }

    @Provides @Singleton ExportCalendarUseCase calendar(ManageTripsUseCase trips, ManageVisitsUseCase visits,
                                                        PlanItineraryUseCase itineraries, CalendarSubscriptionRepository subscriptions,
                                                        Clock clock) {
        return new CalendarService(trips, visits, itineraries, subscriptions, clock);
    }

    @Provides @Singleton RecordActualExpensesUseCase actualExpenses(ManageTripsUseCase trips, EstimateExpensesUseCase estimates,
                                                                    ActualExpenseRepository expenses, StoredFiles files, Clock clock) {
        return new ActualExpensesService(trips, estimates, expenses, files, clock);
    }

    @Provides @Singleton ReviewProposalsUseCase proposals(ManageVisitsUseCase visits, PlanItineraryUseCase itineraries,
                                                          ConversationRepository conversations, ProposalRepository proposals,
                                                          Clock clock) {
        return new ReviewProposalsService(visits, itineraries, conversations, proposals, clock);
    }
}
