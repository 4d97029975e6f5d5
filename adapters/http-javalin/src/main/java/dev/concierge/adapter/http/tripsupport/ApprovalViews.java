package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.tripsupport.TripViews.ExpenseEstimateView;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.ExpenseEstimate;
import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.TripDetails;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What the approval API answers: requests with their frozen estimate and justifications, and notifications, worded for the reader. */
public final class ApprovalViews {
    private ApprovalViews() {}

    public record SubmitRequest(Long version, Map<String, String> justifications) {}

    public record DecisionRequest(String comment) {}

    public record TripSnapshotView(String title, String purpose, String origin, List<String> destinations, LocalDate startDate, LocalDate endDate) {
        static TripSnapshotView of(TripDetails d) {
            return new TripSnapshotView(d.title(), d.purpose(), d.origin(), d.destinations(), d.startDate(), d.endDate());
        }
    }

    /** A violation as the approver reads it, with the traveller's reason. */
    public record JustifiedViolationView(String key, String code, String rule, String message, String justification) {}

    public record DecisionView(String outcome, String outcomeName, String by, OffsetDateTime at, String comment) {}

    public record ApproversView(String group, String manager) {}

    /**
     * One submission: {@code status} is pending, approved or rejected; {@code canDecide} says whether the caller may
     * approve or reject it (never the submitter).
     */
    public record ApprovalView(long id, long tripId, String status, String statusName, String submittedBy, OffsetDateTime submittedAt,
                               TripSnapshotView trip, ExpenseEstimateView estimate, List<JustifiedViolationView> violations,
                               ApproversView approvers, DecisionView decision, boolean canDecide) {
        static ApprovalView of(ApprovalRequest r, Actor caller, Messages messages, ZoneId zone) {
            TripTexts texts = new TripTexts(messages);
            var s = r.submission();
            ExpenseEstimate frozen = s.estimate();
            List<JustifiedViolationView> violations = frozen.violations().stream().map(v -> new JustifiedViolationView(v.key(), v.code(),
                    texts.rule(v.rule()), texts.violation(v), s.justifications().getOrDefault(v.key(), ""))).toList();
            String status = r.decision().map(d -> d.outcome().wireName()).orElse("pending");
            DecisionView decision = r.decision().map(d -> new DecisionView(d.outcome().wireName(),
                    messages.t("approvals.status." + d.outcome().wireName()), d.by().value(), d.at().atZone(zone).toOffsetDateTime(), d.comment()))
                    .orElse(null);
            boolean canDecide = r.pending() && !caller.user().equals(s.submitter()) && s.approvers().include(caller);
            return new ApprovalView(r.id().value(), s.trip().value(), status, messages.t("approvals.status." + status), s.submitter().value(),
                    s.at().atZone(zone).toOffsetDateTime(), TripSnapshotView.of(s.details()), ExpenseEstimateView.of(frozen, texts), violations,
                    new ApproversView(s.approvers().group().orElse(null), s.approvers().manager().map(UserId::value).orElse(null)),
                    decision, canDecide);
        }

        public String money(long amount) { return estimate.money(amount); }
    }

    /** {@code message} is the notification in the reader's language; {@code link} the page to open. */
    public record NotificationView(long id, String kind, String message, long tripId, long approvalId, String actor,
                                   OffsetDateTime at, String comment, boolean read, String link) {
        static NotificationView of(Notification n, Messages messages, ZoneId zone) {
            var notice = n.notice();
            String link = notice.kind() == Notification.Kind.SUBMITTED ? "/approvals#approval-" + notice.approval() : "/trips/" + notice.trip();
            return new NotificationView(n.id(), notice.kind().wireName(),
                    messages.t("approvals.notification." + notice.kind().wireName(), notice.actor().value(), notice.tripTitle()),
                    notice.trip().value(), notice.approval().value(), notice.actor().value(), notice.at().atZone(zone).toOffsetDateTime(),
                    notice.comment(), n.read(), link);
        }
    }

    public record NotificationListView(List<NotificationView> items, long total, long unread) {}
}
