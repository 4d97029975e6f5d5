package dev.concierge.bootstrap.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.tripsupport.application.ChatWithAssistantService;
import dev.concierge.domain.tripsupport.application.DraftWithAssistantService;
import dev.concierge.domain.tripsupport.application.ItineraryRepair;
import dev.concierge.domain.tripsupport.application.SendMessageService;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.DraftWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.SendMessageUseCase;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import dev.concierge.domain.tripsupport.port.out.ProposalRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;
import dev.concierge.domain.tripsupport.port.out.VisitWindowRepository;

import java.time.Clock;
import java.time.Duration;

/**
 * The trip assistant's chat and the drafts it writes on request. Installed next to the LLM adapter's module that
 * binds {@link TripAssistant} and {@link TripDrafter}; the rest comes from {@link TripSupportModule} and persistence.
 * The tools and the drafts reach the trip through the same use cases as the API.
 */
final class TripAssistantModule extends AbstractModule {
    @Provides @Singleton ChatWithAssistantUseCase chat(ManageTripsUseCase trips, ConversationRepository conversations, Clock clock) {
        return new ChatWithAssistantService(trips, conversations, clock);
    }

    @Provides @Singleton SendMessageUseCase messages(ManageTripsUseCase trips, ManageVisitsUseCase visits,
                                                     PlanItineraryUseCase itineraries, EstimateExpensesUseCase expenses,
                                                     ConversationRepository conversations, ConversationTurns turns,
                                                     ProposalRepository proposals, TripAssistant assistant,
                                                     TripDrafter drafter, VisitWindowRepository windows, TravelTimes travelTimes,
                                                     Clock clock, Settings settings) {
        return new SendMessageService(trips, visits, itineraries, expenses, conversations, turns, proposals,
                assistant, drafter, new ItineraryRepair(drafter, travelTimes, settings.draftRepairRounds()), windows, travelTimes, clock,
                turnLease(settings.llm().requestTimeout()));
    }

    @Provides @Singleton DraftWithAssistantUseCase drafts(ManageTripsUseCase trips, ManageVisitsUseCase visits, TripDrafter drafter,
                                                          TravelTimes travelTimes, Settings settings) {
        return new DraftWithAssistantService(trips, visits, drafter, travelTimes, settings.draftRepairRounds());
    }

    /** Outlasts one slow model call (a live turn renews on every token and tool call), so only a dead turn loses it. */
    static Duration turnLease(Duration llmTimeout) { return llmTimeout.multipliedBy(2).plusMinutes(1); }
}
