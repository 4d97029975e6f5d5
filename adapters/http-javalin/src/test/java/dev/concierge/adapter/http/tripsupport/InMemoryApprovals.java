package dev.concierge.adapter.http.tripsupport;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.Submission;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.ApprovalRepository;
import dev.concierge.domain.tripsupport.port.out.NotificationInbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Approval requests and notifications in memory, with the PostgreSQL adapters' contracts; the real service runs over them. */
final class InMemoryApprovals implements ApprovalRepository, NotificationInbox {
    private final Map<ApprovalId, ApprovalRequest> requests = new LinkedHashMap<>();
    private final List<Notification> notifications = new ArrayList<>();

    @Override public synchronized ApprovalRequest add(Submission submission) {
        ApprovalRequest request = new ApprovalRequest(new ApprovalId(requests.size() + 1), submission, Optional.empty());
        requests.put(request.id(), request);
        return request;
    }

    @Override public synchronized Optional<ApprovalRequest> find(ApprovalId id) { return Optional.ofNullable(requests.get(id)); }

    @Override public synchronized List<ApprovalRequest> forTrip(TripId trip) {
        return requests.values().stream().filter(r -> r.submission().trip().equals(trip)).toList();
    }

    @Override public synchronized Page<ApprovalRequest> pendingFor(Actor approver, PageRequest page) {
        List<ApprovalRequest> mine = requests.values().stream().filter(ApprovalRequest::pending)
                .filter(r -> !r.submission().submitter().equals(approver.user()) && r.submission().approvers().include(approver)).toList();
        return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), mine.size());
    }

    @Override public synchronized Page<ApprovalRequest> decidedBy(UserId approver, PageRequest page) {
        List<ApprovalRequest> mine = requests.values().stream().filter(r -> r.decision().filter(d -> d.by().equals(approver)).isPresent())
                .sorted(java.util.Comparator.comparing((ApprovalRequest r) -> r.decision().orElseThrow().at()).reversed()).toList();
        return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), mine.size());
    }

    @Override public synchronized boolean decide(ApprovalId id, ApprovalRequest.Decision decision) {
        ApprovalRequest stored = requests.get(id);
        if (stored == null || !stored.pending()) return false;
        requests.put(id, stored.with(decision));
        return true;
    }

    @Override public synchronized Notification add(Notification.Notice notice) {
        Notification stored = new Notification(notifications.size() + 1, notice, false);
        notifications.add(stored);
        return stored;
    }

    @Override public synchronized Page<Notification> list(UserId recipient, PageRequest page) {
        List<Notification> mine = notifications.reversed().stream().filter(n -> n.notice().recipient().equals(recipient)).toList();
        return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), mine.size());
    }

    @Override public synchronized long unread(UserId recipient) {
        return notifications.stream().filter(n -> n.notice().recipient().equals(recipient) && !n.read()).count();
    }

    @Override public synchronized boolean markRead(UserId recipient, long id) {
        for (int i = 0; i < notifications.size(); i++) {
            Notification n = notifications.get(i);
            if (n.id() == id && n.notice().recipient().equals(recipient)) {
                notifications.set(i, new Notification(n.id(), n.notice(), true));
                return true;
            }
        }
        return false;
    }
}
