package dev.concierge.adapter.persistence.tripsupport;

import com.google.inject.AbstractModule;
import dev.concierge.adapter.persistence.PersistenceContext;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.domain.tripsupport.port.out.ActualExpenseRepository;
import dev.concierge.domain.tripsupport.port.out.CalendarSubscriptionRepository;
import dev.concierge.domain.tripsupport.port.out.ApprovalRepository;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.NotificationInbox;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import dev.concierge.domain.tripsupport.port.out.ExpensePlanRepository;
import dev.concierge.domain.tripsupport.port.out.ItineraryRepository;
import dev.concierge.domain.tripsupport.port.out.ProposalRepository;
import dev.concierge.domain.tripsupport.port.out.Transactions;
import dev.concierge.domain.tripsupport.port.out.TripRepository;
import dev.concierge.domain.tripsupport.port.out.VisitRepository;
import dev.concierge.domain.tripsupport.port.out.VisitWindowRepository;
import org.jooq.DSLContext;

/** Trip support's driven ports, backed by the {@code trip_support} schema. */
public final class TripSupportPersistenceModule extends AbstractModule implements PersistenceContext {
    @Override public String schema() { return "trip_support"; }

    /** The trips, approval requests and notifications work through this one's context, so a submission or a decision commits whole. */
    @Provides @Singleton JooqTripSupportTransactions jooqTransactions(DSLContext dsl) { return new JooqTripSupportTransactions(dsl); }

    @Provides @Singleton Transactions transactions(JooqTripSupportTransactions transactions) { return transactions; }

    @Provides @Singleton TripRepository trips(JooqTripSupportTransactions tx) { return new JooqTripRepository(tx.dsl()); }

    @Provides @Singleton VisitRepository visits(DSLContext dsl) { return new JooqVisitRepository(dsl); }

    @Provides @Singleton ItineraryRepository itineraries(DSLContext dsl) { return new JooqItineraryRepository(dsl); }

    @Provides @Singleton ExpensePlanRepository expensePlans(DSLContext dsl) { return new JooqExpensePlanRepository(dsl); }

    @Provides @Singleton ConversationRepository conversations(DSLContext dsl) { return new JooqConversationRepository(dsl); }

    @Provides @Singleton ConversationTurns conversationTurns(DSLContext dsl, TripRepository trips, VisitRepository visits,
                                                             ConversationRepository conversations) {
        return new JooqConversationTurns(dsl, trips, visits, conversations);
    }

    @Provides @Singleton ProposalRepository proposals(DSLContext dsl) { return new JooqProposalRepository(dsl); }

    @Provides @Singleton VisitWindowRepository visitWindows(DSLContext dsl) { return new JooqVisitWindowRepository(dsl); }

    @Provides @Singleton ActualExpenseRepository actualExpenses(DSLContext dsl) { return new JooqActualExpenseRepository(dsl); }

    @Provides @Singleton CalendarSubscriptionRepository calendarSubscriptions(DSLContext dsl) {
        return new JooqCalendarSubscriptionRepository(dsl);
    }
    @Provides @Singleton ApprovalRepository approvals(JooqTripSupportTransactions tx) { return new JooqApprovalRepository(tx.dsl()); }

    @Provides @Singleton NotificationInbox notifications(JooqTripSupportTransactions tx) { return new JooqNotificationInbox(tx.dsl()); }
}
