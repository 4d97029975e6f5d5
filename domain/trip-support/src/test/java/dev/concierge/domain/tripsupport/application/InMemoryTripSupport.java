package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ApprovalId;
import dev.concierge.domain.tripsupport.model.ApprovalRequest;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.Notification;
import dev.concierge.domain.tripsupport.model.Submission;
import dev.concierge.domain.tripsupport.model.Traveller;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.ExpensePlan;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TravelPolicy;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripDetails;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.port.out.ApprovalRepository;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.NotificationInbox;
import dev.concierge.domain.tripsupport.port.out.ConversationTurns;
import dev.concierge.domain.tripsupport.port.out.ExpensePlanRepository;
import dev.concierge.domain.tripsupport.port.out.ItineraryRepository;
import dev.concierge.domain.tripsupport.port.out.ProposalRepository;
import dev.concierge.domain.tripsupport.port.out.TravelPolicySource;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.model.TravelTime;
import dev.concierge.domain.tripsupport.port.out.TripRepository;
import dev.concierge.domain.tripsupport.port.out.VisitRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** In-memory fakes of trip support's driven ports, with the same contracts as the PostgreSQL adapters, and the services built on them. */
final class InMemoryTripSupport {
    static final Instant NOW = Instant.parse("2026-11-23T15:30:00Z"); // 2026-11-24 00:30 in Tokyo
    final Clock clock = Clock.fixed(NOW, ZoneId.of("Asia/Tokyo"));

    final Trips trips = new Trips();
    final Visits visits = new Visits();
    final Itineraries itineraries = new Itineraries();
    final Plans plans = new Plans();
    final Conversations conversations = new Conversations();
    final Turns turns = new Turns(conversations, trips, visits);
    final Proposals proposals = new Proposals();
    final TravelPolicySource policy = TravelPolicy::domesticJapan;

    /** Places in different cities (the text after the last comma) are 45 minutes apart, a known figure; one city, none. */
    final TravelTimes travelTimes = (from, to) -> city(from).equals(city(to)) ? TravelTime.none()
            : new TravelTime(java.time.Duration.ofMinutes(45), TravelTime.Basis.TABLE);
    final TripsService service = new TripsService(trips, visits, itineraries, plans, policy, travelTimes, clock);

    private static String city(String place) { return place.substring(place.lastIndexOf(',') + 1).trim(); }
    final Approvals approvals = new Approvals();
    final Inbox inbox = new Inbox();
    final Map<UserId, Traveller> people = new HashMap<>();
    final List<Notification.Notice> mailed = new ArrayList<>();
    final ApproveTripsService approving = new ApproveTripsService(trips, plans, policy, approvals, java.util.function.Supplier::get, inbox,
            user -> people.getOrDefault(user, Traveller.unknown(user)), (to, notice) -> mailed.add(notice),
            Optional.of("trip-approvers"), clock);

    static final class Approvals implements ApprovalRepository {
        final Map<ApprovalId, ApprovalRequest> rows = new LinkedHashMap<>();
        private long next = 1;

        @Override public ApprovalRequest add(Submission submission) {
            ApprovalRequest request = new ApprovalRequest(new ApprovalId(next++), submission, Optional.empty());
            rows.put(request.id(), request);
            return request;
        }

        @Override public Optional<ApprovalRequest> find(ApprovalId id) { return Optional.ofNullable(rows.get(id)); }

        @Override public List<ApprovalRequest> forTrip(TripId trip) {
            return rows.values().stream().filter(r -> r.submission().trip().equals(trip)).toList();
        }

        @Override public Page<ApprovalRequest> pendingFor(Actor approver, PageRequest page) {
            List<ApprovalRequest> mine = rows.values().stream().filter(ApprovalRequest::pending)
                    .filter(r -> !r.submission().submitter().equals(approver.user()) && r.submission().approvers().include(approver)).toList();
            return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), mine.size());
        }

        @Override public Page<ApprovalRequest> decidedBy(UserId approver, PageRequest page) {
        List<ApprovalRequest> mine = rows.values().stream().filter(r -> r.decision().filter(d -> d.by().equals(approver)).isPresent())
                .sorted(java.util.Comparator.comparing((ApprovalRequest r) -> r.decision().orElseThrow().at()).reversed()).toList();
        return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), mine.size());
    }

    @Override public boolean decide(ApprovalId id, ApprovalRequest.Decision decision) {
            ApprovalRequest stored = rows.get(id);
            if (stored == null || !stored.pending()) return false;
            rows.put(id, stored.with(decision));
            return true;
        }
    }

    static final class Inbox implements NotificationInbox {
        final List<Notification> rows = new ArrayList<>();

        @Override public Notification add(Notification.Notice notice) {
            Notification stored = new Notification(rows.size() + 1, notice, false);
            rows.add(stored);
            return stored;
        }

        @Override public Page<Notification> list(UserId recipient, PageRequest page) {
            List<Notification> mine = rows.reversed().stream().filter(n -> n.notice().recipient().equals(recipient)).toList();
            return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), mine.size());
        }

        @Override public long unread(UserId recipient) {
            return rows.stream().filter(n -> n.notice().recipient().equals(recipient) && !n.read()).count();
        }

        @Override public boolean markRead(UserId recipient, long id) {
            for (int i = 0; i < rows.size(); i++) {
                Notification n = rows.get(i);
                if (n.id() == id && n.notice().recipient().equals(recipient)) {
                    rows.set(i, new Notification(n.id(), n.notice(), true));
                    return true;
                }
            }
            return false;
        }
    }

    static final class Trips implements TripRepository {
        final Map<TripId, Trip> rows = new LinkedHashMap<>();
        private long next = 1;

        final Map<TripId, Instant> deleted = new LinkedHashMap<>();
        private final Map<String, TripId> byToken = new LinkedHashMap<>();

        @Override public Trip create(UserId owner, TripDetails details, Optional<String> requestToken, Instant at) {
            Optional<TripId> earlier = requestToken.map(t -> byToken.get(owner.value() + " " + t));
            if (earlier.isPresent()) return rows.get(earlier.get());
            Trip trip = new Trip(new TripId(next++), owner, details, TripStatus.PLANNED, 0, at);
            rows.put(trip.id(), trip);
            requestToken.ifPresent(t -> byToken.put(owner.value() + " " + t, trip.id()));
            return trip;
        }

        @Override public Optional<Trip> find(TripId id) { return Optional.ofNullable(rows.get(id)).filter(t -> !deleted.containsKey(id)); }

        @Override public void delete(TripId id, Instant at, Instant purgeBefore) {
            deleted.put(id, at);
            List.copyOf(deleted.keySet()).stream().filter(d -> deleted.get(d).isBefore(purgeBefore)).forEach(d -> {
                deleted.remove(d);
                rows.remove(d);
            });
        }

        @Override public boolean restore(TripId id, UserId owner) {
            boolean restorable = deleted.containsKey(id) && rows.get(id).owner().equals(owner);
            if (restorable) deleted.remove(id);
            return restorable;
        }

        @Override public Page<Trip> list(UserId owner, Optional<TripStatus> status, PageRequest page) {
            List<Trip> mine = rows.values().stream().filter(t -> t.owner().equals(owner)).filter(t -> !deleted.containsKey(t.id()))
                    .filter(t -> status.map(s -> s == t.status()).orElse(true))
                    .sorted(Comparator.comparing((Trip t) -> t.details().startDate())).toList();
            return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), mine.size());
        }

        @Override public Trip save(Trip trip) {
            Trip stored = rows.get(trip.id());
            if (stored == null || stored.version() != trip.version()) throw new Conflict("stale", "Trip " + trip.id() + " was changed meanwhile.");
            Trip saved = new Trip(trip.id(), trip.owner(), trip.details(), trip.status(), trip.version() + 1, trip.updatedAt());
            rows.put(saved.id(), saved);
            return saved;
        }
    }

    static final class Visits implements VisitRepository {
        final Map<VisitId, CustomerVisit> rows = new LinkedHashMap<>();
        private long next = 1;

        @Override public CustomerVisit add(TripId trip, VisitDetails details) {
            CustomerVisit visit = new CustomerVisit(new VisitId(next++), trip, details, Optional.empty(), 0);
            rows.put(visit.id(), visit);
            return visit;
        }

        @Override public Optional<CustomerVisit> find(VisitId id) { return Optional.ofNullable(rows.get(id)); }

        @Override public List<CustomerVisit> forTrip(TripId trip) {
            return rows.values().stream().filter(v -> v.trip().equals(trip)).sorted(Comparator.comparing(v -> v.details().startsAt())).toList();
        }

        @Override public CustomerVisit save(CustomerVisit visit) {
            CustomerVisit stored = rows.get(visit.id());
            if (stored == null || stored.version() != visit.version()) throw new Conflict("stale", "Visit " + visit.id() + " was changed meanwhile.");
            CustomerVisit saved = new CustomerVisit(visit.id(), visit.trip(), visit.details(), visit.preparationNotes(), visit.version() + 1);
            rows.put(saved.id(), saved);
            return saved;
        }

        @Override public boolean delete(VisitId id) { return rows.remove(id) != null; }
    }

    static final class Itineraries implements ItineraryRepository {
        final Map<TripId, Itinerary> rows = new HashMap<>();

        @Override public Optional<Itinerary> find(TripId trip) { return Optional.ofNullable(rows.get(trip)); }

        @Override public void save(TripId trip, Itinerary itinerary) { rows.put(trip, itinerary); }
    }

    static final class Plans implements ExpensePlanRepository {
        final Map<TripId, ExpensePlan> rows = new HashMap<>();

        @Override public Optional<ExpensePlan> find(TripId trip) { return Optional.ofNullable(rows.get(trip)); }

        @Override public void save(TripId trip, ExpensePlan plan) { rows.put(trip, plan); }
    }

    static final class Conversations implements ConversationRepository {
        final Map<ConversationId, Conversation> rows = new LinkedHashMap<>();
        final Map<ConversationId, List<StoredMessage>> messages = new HashMap<>();
        private long next = 1;

        @Override public Conversation create(TripId trip, UserId owner, String title, Instant at) {
            Conversation c = new Conversation(new ConversationId(next++), trip, owner, title, at);
            rows.put(c.id(), c);
            messages.put(c.id(), new ArrayList<>());
            return c;
        }

        @Override public Optional<Conversation> find(ConversationId id) { return Optional.ofNullable(rows.get(id)); }

        @Override public List<Conversation> forTrip(TripId trip) { return rows.values().stream().filter(c -> c.trip().equals(trip)).toList(); }

        @Override public List<StoredMessage> history(ConversationId id) { return List.copyOf(messages.getOrDefault(id, List.of())); }

        @Override public synchronized void append(ConversationId id, List<StoredMessage> added) {
            List<StoredMessage> list = messages.get(id);
            for (StoredMessage m : added) {
                list.add(new StoredMessage(list.size() + 1, m.kind(), m.text(), m.toolCalls(), m.toolCallId(), m.toolName(), m.at(), m.outcome()));
            }
        }

        long last(ConversationId id) { return messages.getOrDefault(id, List.of()).size(); }

        /** Set by the test: a turn holds the conversation, so it cannot be deleted. */
        final java.util.Set<ConversationId> busy = new java.util.HashSet<>();

        @Override public Conversation rename(ConversationId id, String title) {
            Conversation c = rows.get(id);
            Conversation renamed = new Conversation(c.id(), c.trip(), c.owner(), title, c.createdAt());
            rows.put(id, renamed);
            return renamed;
        }

        @Override public boolean delete(ConversationId id, Instant now) {
            if (busy.contains(id)) return false;
            rows.remove(id);
            messages.remove(id);
            return true;
        }
    }

    static final class Turns implements ConversationTurns {
        private final Conversations conversations;
        private final Trips trips;
        private final Visits visits;
        final Map<ConversationId, Lease> held = new HashMap<>();
        final Map<ConversationId, Instant> until = new HashMap<>();

        Turns(Conversations conversations, Trips trips, Visits visits) {
            this.conversations = conversations;
            this.trips = trips;
            this.visits = visits;
        }

        @Override public synchronized Optional<ClaimedTurn> claim(ConversationId conversation, UserId owner,
                                                            StoredMessage userMessage, Instant now, Instant leaseUntil) {
            Conversation claimed = conversations.rows.get(conversation);
            if (claimed == null || !claimed.owner().equals(owner)) return Optional.empty();
            if (held.containsKey(conversation) && until.get(conversation).isAfter(now)) return Optional.empty();
            List<StoredMessage> before = conversations.history(conversation);
            Lease lease = new Lease(conversation, UUID.randomUUID().toString(), conversations.last(conversation));
            held.put(conversation, lease);
            until.put(conversation, leaseUntil);
            conversations.append(conversation, List.of(userMessage));
            return Optional.of(new ClaimedTurn(lease, trips.rows.get(claimed.trip()), visits.forTrip(claimed.trip()), before));
        }

        @Override public synchronized boolean renew(Lease lease, Instant leaseUntil) {
            if (!lease.equals(held.get(lease.conversation()))) return false;
            until.put(lease.conversation(), leaseUntil);
            renewals++;
            return true;
        }

        int renewals;

        @Override public synchronized void release(Lease lease) { held.remove(lease.conversation(), lease); }

        @Override public synchronized void retract(Lease lease) {
            if (!lease.equals(held.get(lease.conversation()))) return;
            List<StoredMessage> list = conversations.messages.get(lease.conversation());
            list.removeIf(m -> m.sequence() > lease.lastSequenceBefore());
        }
    }

    static final class Proposals implements ProposalRepository {
        final Map<Long, Proposal> rows = new LinkedHashMap<>();
        private long next = 1;

        @Override public Proposal create(ConversationId conversation, TripId trip, ProposedChange change, String summary, Instant at) {
            Proposal p = new Proposal(next++, conversation, trip, change, summary, Proposal.Status.PENDING, at);
            rows.put(p.id(), p);
            return p;
        }

        @Override public Optional<Proposal> find(long id) { return Optional.ofNullable(rows.get(id)); }

        @Override public List<Proposal> forConversation(ConversationId conversation) {
            return rows.values().stream().filter(p -> p.conversation().equals(conversation)).toList();
        }

        @Override public synchronized boolean resolve(long id, Proposal.Status status, Instant at) { return move(id, Proposal.Status.PENDING, status); }

        @Override public synchronized boolean reopen(long id) { return move(id, Proposal.Status.ACCEPTED, Proposal.Status.PENDING); }

        private boolean move(long id, Proposal.Status from, Proposal.Status to) {
            Proposal p = rows.get(id);
            if (p == null || p.status() != from) return false;
            rows.put(id, new Proposal(p.id(), p.conversation(), p.trip(), p.change(), p.summary(), to, p.createdAt()));
            return true;
        }
    }
}
