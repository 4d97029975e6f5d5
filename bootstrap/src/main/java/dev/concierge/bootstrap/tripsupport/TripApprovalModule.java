package dev.concierge.bootstrap.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.tripsupport.application.ApproveTripsService;
import dev.concierge.domain.tripsupport.application.ReviewSubmittedTripsService;
import dev.concierge.domain.tripsupport.port.in.ApproveTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanDayRouteUseCase;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewSubmittedTripsUseCase;
import dev.concierge.domain.tripsupport.port.out.ApprovalRepository;
import dev.concierge.domain.tripsupport.port.out.ExpensePlanRepository;
import dev.concierge.domain.tripsupport.port.out.NotificationInbox;
import dev.concierge.domain.tripsupport.port.out.NotificationMail;
import dev.concierge.domain.tripsupport.port.out.Transactions;
import dev.concierge.domain.tripsupport.port.out.TravelPolicySource;
import dev.concierge.domain.tripsupport.port.out.TravellerDirectory;
import dev.concierge.domain.tripsupport.port.out.TripRepository;

import java.time.Clock;

/** Approval by someone else: the approver group from the settings, notifications in the app and (when configured) by e-mail. */
final class TripApprovalModule extends AbstractModule {
    private final Settings.TripApprovals settings;

    TripApprovalModule(Settings.TripApprovals settings) { this.settings = settings; }

    @Provides @Singleton ApproveTripsUseCase approvals(TripRepository trips, ExpensePlanRepository plans, TravelPolicySource policy,
                                                       ApprovalRepository approvals, Transactions transactions, NotificationInbox inbox, TravellerDirectory travellers,
                                                       NotificationMail mail, Clock clock) {
        return new ApproveTripsService(trips, plans, policy, approvals, transactions, inbox, travellers, mail, settings.approverGroup(), clock);
    }

    /** The approver's read-only view of a submitted trip: its route and, after the trip, the report. */
    @Provides @Singleton ReviewSubmittedTripsUseCase review(ApprovalRepository approvals, ManageTripsUseCase trips, ManageVisitsUseCase visits,
                                                           PlanDayRouteUseCase routes, RecordActualExpensesUseCase expenses) {
        return new ReviewSubmittedTripsService(approvals, trips, visits, routes, expenses);
    }
}
