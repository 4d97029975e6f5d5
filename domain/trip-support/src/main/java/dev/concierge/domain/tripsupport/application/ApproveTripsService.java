package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.ApprovalNotFound;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.Approvers;
import dev.concierge.domain.tripsupport.model.ExpenseCalculator;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.NotificationNotFound;
import dev.concierge.domain.tripsupport.model.Submission;
import dev.concierge.domain.tripsupport.model.Traveller;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripNotFound;
import dev.concierge.domain.tripsupport.port.in.ApproveTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.DecideApprovalCommand;
import dev.concierge.domain.tripsupport.port.in.SubmitTripCommand;
import dev.concierge.domain.tripsupport.port.out.ApprovalRepository;
import dev.concierge.domain.tripsupport.port.out.ExpensePlanRepository;
import dev.concierge.domain.tripsupport.port.out.NotificationInbox;
import dev.concierge.domain.tripsupport.port.out.NotificationMail;
import dev.concierge.domain.tripsupport.port.out.Transactions;
import dev.concierge.domain.tripsupport.port.out.TravelPolicySource;
import dev.concierge.domain.tripsupport.port.out.TravellerDirectory;
import dev.concierge.domain.tripsupport.port.out.TripRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sequences a submission and a decision over the trip, the approval history and the notifications. */
public final class ApproveTripsService implements ApproveTripsUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(ApproveTripsService.class);

    private final TripRepository trips;
    private final ExpensePlanRepository plans;
    private final TravelPolicySource policy;
    private final ApprovalRepository approvals;
    private final Transactions transactions;
    private final NotificationInbox inbox;
    private final TravellerDirectory travellers;
    private final NotificationMail mail;
    private final Optional<String> approverGroup;
    private final Clock clock;

    public ApproveTripsService(TripRepository trips, ExpensePlanRepository plans, TravelPolicySource policy, ApprovalRepository approvals,
                               Transactions transactions, NotificationInbox inbox, TravellerDirectory travellers, NotificationMail mail,
                               Optional<String> approverGroup, Clock clock) {
        this.trips = trips;
        this.plans = plans;
        this.policy = policy;
        this.approvals = approvals;
        this.transactions = transactions;
        this.inbox = inbox;
        this.travellers = travellers;
        this.mail = mail;
        this.approverGroup = approverGroup.map(String::strip).filter(g -> !g.isEmpty());
        this.clock = clock;
    }

    @Override public ApprovalRequest submit(SubmitTripCommand command) {
        Trip trip = ownTrip(command.owner(), command.trip());
        if (trip.version() != command.expectedVersion()) {
            throw new Conflict("stale", "Trip " + trip.id() + " was changed meanwhile (version " + trip.version() + ", you had "
                    + command.expectedVersion() + "). Reload it and try again.");
        }
        Instant now = clock.instant();
        Trip submitted = trip.submit(now); // refuses a trip that is not planned or rejected
        Traveller traveller = travellers.find(command.owner());
        var estimate = ExpenseCalculator.estimate(trip.details(), plans.find(trip.id()).orElse(ExpensePlan.empty()), policy.book(), traveller.grade());
        // A manager who is the traveller themselves could approve their own trip: never named.
        Approvers approvers = new Approvers(approverGroup, traveller.manager().filter(m -> !m.equals(command.owner())));
        Submission submission = Submission.of(trip, estimate, command.justifications(), approvers, now);
        // One transaction: a crash between the two writes must not leave a submitted trip that nobody is asked to decide.
        record Submitted(ApprovalRequest request, Optional<Notification.Notice> notice) {}
        Submitted done = transactions.inTransaction(() -> {
            trips.save(submitted);
            ApprovalRequest request = approvals.add(submission);
            Optional<Notification.Notice> notice = approvers.manager().map(manager -> new Notification.Notice(manager,
                    Notification.Kind.SUBMITTED, request.id(), trip.id(), trip.details().title(), command.owner(), now, ""));
            notice.ifPresent(inbox::add);
            return new Submitted(request, notice);
        });
        done.notice().ifPresent(this::mail); // after the commit: a slow mail server holds no transaction
        return done.request();
    }

    @Override public ApprovalRequest decide(DecideApprovalCommand command) {
        ApprovalRequest request = get(command.approver(), command.approval());
        Instant now = clock.instant();
        ApprovalRequest.Decision decision = request.decide(command.approver(), command.outcome(), command.comment(), now);
        // The decision and the trip's new status commit together, like the submission.
        Notification.Notice notice = transactions.inTransaction(() -> {
            if (!approvals.decide(request.id(), decision)) {
                throw new Conflict("already_decided", "Approval request " + request.id() + " was decided by someone else meanwhile.");
            }
            Trip trip = trips.find(request.submission().trip()).orElseThrow(() -> new ApprovalNotFound(request.id()));
            trips.save(command.outcome() == ApprovalRequest.Outcome.APPROVED ? trip.approve(now) : trip.reject(now));
            Notification.Kind kind = command.outcome() == ApprovalRequest.Outcome.APPROVED ? Notification.Kind.APPROVED : Notification.Kind.REJECTED;
            Notification.Notice told = new Notification.Notice(request.submission().submitter(), kind, request.id(), trip.id(),
                    trip.details().title(), command.approver().user(), now, decision.comment());
            inbox.add(told);
            return told;
        });
        mail(notice);
        return request.with(decision);
    }

    @Override public ApprovalRequest get(Actor actor, ApprovalId id) {
        return approvals.find(id).filter(r -> r.visibleTo(actor)).orElseThrow(() -> new ApprovalNotFound(id));
    }

    @Override public Page<ApprovalRequest> pending(Actor approver, PageRequest page) { return approvals.pendingFor(approver, page); }

    @Override public Page<ApprovalRequest> decided(Actor approver, PageRequest page) { return approvals.decidedBy(approver.user(), page); }

    @Override public List<ApprovalRequest> history(UserId owner, TripId trip) {
        ownTrip(owner, trip);
        return approvals.forTrip(trip);
    }

    @Override public Page<Notification> notifications(UserId user, PageRequest page) { return inbox.list(user, page); }

    @Override public long unreadNotifications(UserId user) { return inbox.unread(user); }

    @Override public void markRead(UserId user, long notification) {
        if (!inbox.markRead(user, notification)) throw new NotificationNotFound(notification);
    }

    private Trip ownTrip(UserId owner, TripId id) {
        return trips.find(id).filter(t -> t.owner().equals(owner)).orElseThrow(() -> new TripNotFound(id));
    }

    private void mail(Notification.Notice notice) {
        try {
            mail.send(travellers.find(notice.recipient()), notice);
        } catch (RuntimeException e) {
            // The in-app notification is the record; a mail server being down must not undo the approval step.
            LOG.warn("Could not e-mail the {} notification of approval {} to {}: {}", notice.kind().wireName(), notice.approval(),
                    notice.recipient(), e.toString());
        }
    }
}
