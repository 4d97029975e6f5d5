package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.web.NavigationEntry;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.adapter.http.wiring.HttpModule;
import dev.concierge.domain.tripsupport.port.in.ApproveTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.CheckSubmittedItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.DraftWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ExportCalendarUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanDayRouteUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewSubmittedTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;
import dev.concierge.domain.tripsupport.port.in.SendMessageUseCase;

import java.time.Clock;

/** Trip support's API and pages, wired to the trip-support use cases. */
public final class TripSupportHttpModule extends AbstractModule {
    @Override protected void configure() {
        HttpModule.routes(binder()).addBinding().to(TripRoutes.class);
        HttpModule.routes(binder()).addBinding().to(ConversationRoutes.class);
        HttpModule.routes(binder()).addBinding().to(DraftRoutes.class);
        HttpModule.routes(binder()).addBinding().to(TripPages.class);
        HttpModule.routes(binder()).addBinding().to(DayRouteRoutes.class);
        HttpModule.routes(binder()).addBinding().to(CalendarRoutes.class);
        HttpModule.routes(binder()).addBinding().to(RoutePages.class);
        HttpModule.routes(binder()).addBinding().to(ActualExpenseRoutes.class);
        HttpModule.routes(binder()).addBinding().to(ExpensePages.class);
        HttpModule.routes(binder()).addBinding().to(ApprovalRoutes.class);
        HttpModule.routes(binder()).addBinding().to(ApprovalPages.class);
        HttpModule.routes(binder()).addBinding().to(ApprovalReviewRoutes.class);
        HttpModule.routes(binder()).addBinding().to(ApprovalReviewPages.class);
        HttpModule.navigation(binder()).addBinding().toInstance(
                new NavigationEntry("approvals", "/approvals", "nav.approvals", "home.approvals", 11));
        HttpModule.navigation(binder()).addBinding().toInstance(
                new NavigationEntry("trips", "/trips", "nav.trips", "home.trips", 10));
    }

    @Provides @Singleton TripRoutes tripRoutes(ManageTripsUseCase trips, ManageVisitsUseCase visits, PlanItineraryUseCase itinerary,
                                               EstimateExpensesUseCase expenses, CurrentUser user, ObjectMapper mapper, Clock clock) {
        return new TripRoutes(trips, visits, itinerary, expenses, user, mapper, clock.getZone());
    }

    @Provides @Singleton ConversationRoutes conversationRoutes(ChatWithAssistantUseCase chat, SendMessageUseCase messages,
                                                               ReviewProposalsUseCase proposals, CurrentUser user,
                                                               ObjectMapper mapper, Clock clock) {
        return new ConversationRoutes(chat, messages, proposals, user, mapper, clock.getZone());
    }

    @Provides @Singleton DayRouteRoutes dayRouteRoutes(PlanDayRouteUseCase routes, ManageVisitsUseCase visits, CurrentUser user,
                                                       ObjectMapper mapper) {
        return new DayRouteRoutes(routes, visits, user, mapper);
    }

    @Provides @Singleton CalendarRoutes calendarRoutes(ExportCalendarUseCase calendar, CurrentUser user, Clock clock) {
        return new CalendarRoutes(calendar, user, clock.getZone());
    }

    @Provides @Singleton RoutePages routePages(ManageTripsUseCase trips, ManageVisitsUseCase visits, PlanDayRouteUseCase routes,
                                               ExportCalendarUseCase calendar, CurrentUser user, PageRenderer renderer, Clock clock) {
        return new RoutePages(trips, visits, routes, calendar, user, renderer, clock.getZone());
    }

    @Provides @Singleton ActualExpenseRoutes actualExpenseRoutes(RecordActualExpensesUseCase expenses, ManageTripsUseCase trips,
                                                                 CurrentUser user, ObjectMapper mapper, Clock clock) {
        return new ActualExpenseRoutes(expenses, trips, user, mapper, clock.getZone());
    }

    @Provides @Singleton ExpensePages expensePages(ManageTripsUseCase trips, EstimateExpensesUseCase estimates,
                                                   RecordActualExpensesUseCase expenses, CurrentUser user, PageRenderer renderer, Clock clock) {
        return new ExpensePages(trips, estimates, expenses, user, renderer, clock.getZone());
    }

    @Provides @Singleton DraftRoutes draftRoutes(DraftWithAssistantUseCase drafts, CurrentUser user) {
        return new DraftRoutes(drafts, user);
    }

    @Provides @Singleton TripPages tripPages(ManageTripsUseCase trips, ManageVisitsUseCase visits, PlanItineraryUseCase itinerary,
                                             EstimateExpensesUseCase expenses, ChatWithAssistantUseCase chat,
                                             ReviewProposalsUseCase proposals, ApproveTripsUseCase approvals, CurrentUser user,
                                             PageRenderer renderer, Clock clock) {
        return new TripPages(trips, visits, itinerary, expenses, chat, proposals, approvals, user, renderer, clock.getZone());
    }

    @Provides @Singleton ApprovalRoutes approvalRoutes(ApproveTripsUseCase approvals, CurrentUser user, ObjectMapper mapper, Clock clock) {
        return new ApprovalRoutes(approvals, user, mapper, clock.getZone());
    }

    @Provides @Singleton ApprovalPages approvalPages(ApproveTripsUseCase approvals, CheckSubmittedItineraryUseCase itineraries,
                                                     CurrentUser user, PageRenderer renderer, Clock clock) {
        return new ApprovalPages(approvals, itineraries, user, renderer, clock.getZone());
    }

    @Provides @Singleton ApprovalReviewRoutes approvalReviewRoutes(ReviewSubmittedTripsUseCase review, CurrentUser user, Clock clock) {
        return new ApprovalReviewRoutes(review, user, clock.getZone());
    }

    @Provides @Singleton ApprovalReviewPages approvalReviewPages(ReviewSubmittedTripsUseCase review, CurrentUser user, PageRenderer renderer,
                                                                 Clock clock) {
        return new ApprovalReviewPages(review, user, renderer, clock.getZone());
    }
}
