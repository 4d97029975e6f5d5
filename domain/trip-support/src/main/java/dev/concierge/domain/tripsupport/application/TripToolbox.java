package dev.concierge.domain.tripsupport.application;

import dev.concierge.domain.kernel.DomainException;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.DayRoute;
import dev.concierge.domain.tripsupport.model.RoutePlanner;
import dev.concierge.domain.tripsupport.model.VisitWindow;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;
import dev.concierge.domain.tripsupport.port.out.VisitWindowRepository;
import dev.concierge.domain.tripsupport.model.DraftedItinerary;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryViolation;
import dev.concierge.domain.tripsupport.model.Proposal;
import dev.concierge.domain.tripsupport.model.ProposedChange;
import dev.concierge.domain.tripsupport.model.Trip;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.VisitDetails;
import dev.concierge.domain.tripsupport.model.VisitId;
import dev.concierge.domain.tripsupport.model.VisitNotFound;
import dev.concierge.domain.tripsupport.model.VisitRules;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.TurnEvent;
import dev.concierge.domain.tripsupport.port.out.ProposalRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The tools of one turn, bound to the caller and the conversation's trip when the turn starts: whatever the prompt
 * says, a tool reads or proposes changes to that trip only, as that user, through the same use cases as the API.
 * Read-only tools answer at once; changes become proposals the user accepts or rejects. A refusal is returned to
 * the model as text (never thrown), so it can correct itself or tell the user.
 */
final class TripToolbox implements TripAssistant.Toolbox {
    /** More tool calls than this in one turn means the model is looping; it is told to answer with what it has. */
    static final int MAX_CALLS_PER_TURN = 8;

    private final UserId owner;
    private final TripId trip;
    private final ConversationId conversation;
    private final Language language;
    private final ManageTripsUseCase trips;
    private final ManageVisitsUseCase visits;
    private final PlanItineraryUseCase itineraries;
    private final EstimateExpensesUseCase expenses;
    private final ProposalRepository proposals;
    private final TripDrafter drafter;
    private final ItineraryRepair itineraryRepair;
    private final VisitWindowRepository windows;
    private final TravelTimes travelTimes;
    private final Clock clock;
    private final TurnLease lease;
    private final Consumer<TurnEvent> events;
    private final AtomicInteger calls = new AtomicInteger(); // the adapter may run tool calls in parallel

    TripToolbox(UserId owner, TripId trip, ConversationId conversation, Language language, ManageTripsUseCase trips,
                ManageVisitsUseCase visits, PlanItineraryUseCase itineraries, EstimateExpensesUseCase expenses,
                ProposalRepository proposals, TripDrafter drafter, ItineraryRepair itineraryRepair, VisitWindowRepository windows,
                TravelTimes travelTimes, Clock clock, TurnLease lease, Consumer<TurnEvent> events) {
        this.owner = owner;
        this.trip = trip;
        this.conversation = conversation;
        this.language = language;
        this.trips = trips;
        this.visits = visits;
        this.itineraries = itineraries;
        this.expenses = expenses;
        this.proposals = proposals;
        this.drafter = drafter;
        this.itineraryRepair = itineraryRepair;
        this.windows = windows;
        this.travelTimes = travelTimes;
        this.clock = clock;
        this.lease = lease;
        this.events = events;
    }

    @Override public String readTrip() {
        return run("read_trip", "read", () -> {
            Trip current = trips.get(owner, trip);
            return TripBriefing.describe(current, visits.schedule(owner, trip), LocalDate.now(clock))
                    + TripBriefing.itinerary(itineraries.itinerary(owner, trip));
        });
    }

    @Override public String recomputeEstimate() { return run("recompute_estimate", "estimated", () -> TripBriefing.estimate(expenses.estimate(owner, trip))); }

    @Override public String proposeAddVisit(VisitDetails visit) {
        return run("propose_add_visit", "proposed", () -> {
            if (visit == null) throw InvalidInput.field("visit", Validation.REQUIRED);
            Trip current = editableTrip();
            VisitRules.requireInsideTrip(current.details(), visit);
            String summary = switch (language) {
                case JA -> "訪問を追加: " + visit.company() + "（" + visit.location() + "、" + visit.startsAt() + "、" + visit.duration().toMinutes() + "分）";
                case EN -> "Add a visit to " + visit.company() + " at " + visit.location() + ", " + visit.startsAt() + " for "
                        + visit.duration().toMinutes() + " min";
            };
            return proposed(new ProposedChange.AddVisit(visit), summary + overlapWarning(null, visit) + routeWarning(null, visit));
        });
    }

    @Override public String proposeMoveVisit(VisitId visitId, LocalDateTime newStart) {
        return run("propose_move_visit", "proposed", () -> {
            if (newStart == null) throw InvalidInput.field("newStart", Validation.REQUIRED);
            Trip current = editableTrip();
            CustomerVisit visit = visitOfThisTrip(visitId);
            var d = visit.details();
            VisitDetails moved = new VisitDetails(d.company(), d.contacts(), d.location(), newStart, d.duration(), d.agenda(), d.notes());
            VisitRules.requireInsideTrip(current.details(), moved);
            String summary = switch (language) {
                case JA -> "訪問 #" + visitId + "（" + d.company() + "）を " + d.startsAt() + " から " + newStart + " へ移動";
                case EN -> "Move visit #" + visitId + " (" + d.company() + ") from " + d.startsAt() + " to " + newStart;
            };
            return proposed(new ProposedChange.MoveVisit(visitId, newStart), summary + overlapWarning(visitId, moved) + routeWarning(visitId, moved));
        });
    }

    @Override public String proposeItineraryDraft() {
        return run("propose_itinerary_draft", "proposed", () -> {
            Trip current = editableTrip();
            // The same check and repair rounds as a draft asked for on the page; days off the trip could not be saved at all.
            DraftedItinerary drafted = itineraryRepair.draft(current.details(), visits.schedule(owner, trip).visits(), language);
            Itinerary draft = drafted.itinerary();
            draft.requireWithin(current.details());
            String remaining = drafted.violations().stream().map(ItineraryViolation::rule).distinct().reduce((a, b) -> a + ", " + b).orElse("");
            String summary = switch (language) {
                case JA -> "旅程の下書き（" + draft.items().size() + " 件）で旅程を置き換え（旅程のルールで確認、修正 " + drafted.repairs() + " 回"
                        + (remaining.isEmpty() ? "）" : "、残る問題 " + drafted.violations().size() + " 件: " + remaining + "）");
                case EN -> "Replace the itinerary with a draft of " + draft.items().size() + " item(s) (checked against the itinerary rules, "
                        + drafted.repairs() + " repair(s)" + (remaining.isEmpty() ? ")" : ", " + drafted.violations().size() + " problem(s) remain: " + remaining + ")");
            };
            return proposed(new ProposedChange.ReplaceItinerary(draft), summary);
        });
    }

    @Override public String proposePreparationNotes(VisitId visitId) {
        return run("propose_preparation_notes", "proposed", () -> {
            Trip current = editableTrip();
            CustomerVisit visit = visitOfThisTrip(visitId);
            String notes = drafter.draftPreparationNotes(current.details(), visit, language);
            // Validates the draft like a user's edit would (not blank, not too long).
            CustomerVisit withNotes = new CustomerVisit(visit.id(), visit.trip(), visit.details(), Optional.ofNullable(notes), visit.version());
            if (withNotes.preparationNotes().isEmpty()) throw InvalidInput.field("preparationNotes", Validation.BLANK);
            String summary = switch (language) {
                case JA -> "訪問 #" + visitId + "（" + visit.details().company() + "）の準備メモを設定";
                case EN -> "Set the preparation notes of visit #" + visitId + " (" + visit.details().company() + ")";
            };
            return proposed(new ProposedChange.SetPreparationNotes(visitId, withNotes.preparationNotes().get()), summary);
        });
    }

    private Trip editableTrip() {
        Trip current = trips.get(owner, trip);
        current.requireEditable();
        return current;
    }

    /** A visit id from the model is only honoured when it names a visit of this conversation's trip. */
    private CustomerVisit visitOfThisTrip(VisitId visitId) {
        if (visitId == null) throw InvalidInput.field("visitId", Validation.REQUIRED);
        CustomerVisit visit = visits.get(owner, visitId);
        if (!visit.trip().equals(trip)) throw new VisitNotFound(visitId);
        return visit;
    }

    private String overlapWarning(VisitId self, VisitDetails candidate) {
        List<String> clashes = visits.schedule(owner, trip).visits().stream()
                .filter(other -> !other.id().equals(self))
                .filter(other -> candidate.startsAt().isBefore(other.details().endsAt()) && other.details().startsAt().isBefore(candidate.endsAt()))
                .map(other -> "#" + other.id())
                .toList();
        if (clashes.isEmpty()) return "";
        return switch (language) {
            case JA -> "（注意: 訪問 " + String.join(", ", clashes) + " と時間が重なります）";
            case EN -> " (note: overlaps visit " + String.join(", ", clashes) + ")";
        };
    }

    /**
     * The day's route rules ({@link RoutePlanner#check}: customer windows, travel between visits) on the day as the
     * change would leave it, for the visit proposed and its neighbours; the model reads them in the tool's answer and may
     * propose again, and the user reads them in the proposal.
     */
    private String routeWarning(VisitId self, VisitDetails candidate) {
        VisitId id = self == null ? new VisitId(Long.MAX_VALUE) : self; // a new visit has no id yet
        Map<VisitId, VisitWindow> known = windows.forTrip(trip);
        List<RoutePlanner.Placed> day = new ArrayList<>();
        day.add(new RoutePlanner.Placed(id, candidate.location(), candidate.startsAt().toLocalTime(), candidate.duration(),
                Optional.ofNullable(known.get(id))));
        visits.schedule(owner, trip).visits().stream()
                .filter(v -> !v.id().equals(id) && v.details().startsAt().toLocalDate().equals(candidate.startsAt().toLocalDate()))
                .forEach(v -> day.add(new RoutePlanner.Placed(v.id(), v.details().location(), v.details().startsAt().toLocalTime(),
                        v.details().duration(), Optional.ofNullable(known.get(v.id())))));
        List<String> problems = new ArrayList<>();
        for (DayRoute.Unfit unfit : RoutePlanner.check(day, travelTimes::between)) {
            boolean concerned = unfit.visit().equals(id) || unfit.args().getFirst().equals(id.value());
            if (!concerned) continue;
            String who = unfit.visit().equals(id) ? (language == Language.JA ? "この訪問" : "this visit") : "#" + unfit.visit();
            problems.add(unfit.reason() + ": " + switch (unfit.reason()) {
                case RoutePlanner.OUTSIDE_WINDOW -> language == Language.JA
                        ? who + "は先方の都合のつく時間帯 " + unfit.args().get(0) + "〜" + unfit.args().get(1) + " の外です"
                        : who + " is outside the customer's window " + unfit.args().get(0) + "–" + unfit.args().get(1);
                default -> language == Language.JA
                        ? who + "の前の訪問から移動に " + unfit.args().get(1) + " 分かかりますが " + unfit.args().get(2) + " 分しかありません"
                        : "getting to " + who + " from the visit before takes " + unfit.args().get(1) + " min, only " + unfit.args().get(2) + " min are left";
            });
        }
        if (problems.isEmpty()) return "";
        return switch (language) {
            case JA -> "（ルート上の問題: " + String.join("; ", problems) + "）";
            case EN -> " (route problems: " + String.join("; ", problems) + ")";
        };
    }

    private String proposed(ProposedChange change, String summary) {
        Proposal proposal = proposals.create(conversation, trip, change, summary, clock.instant());
        events.accept(new TurnEvent.Proposed(proposal));
        lastProposal = proposal;
        return "Proposed as proposal #" + proposal.id() + ", waiting for the user to accept or reject it (nothing has "
                + "changed yet): " + summary;
    }

    private Proposal lastProposal; // the proposal the running tool made; tools of a turn run one at a time

    /** Runs one tool call and tells the caller what came of it, as a code the user's page renders. */
    private String run(String tool, String code, Supplier<String> call) {
        lease.alive();
        if (calls.incrementAndGet() > MAX_CALLS_PER_TURN) {
            events.accept(new TurnEvent.ToolUsed(tool, "not_run", Map.of("limit", String.valueOf(MAX_CALLS_PER_TURN))));
            return "Refused: this turn has already used " + MAX_CALLS_PER_TURN + " tools. Answer the user with what you know now.";
        }
        lastProposal = null;
        try {
            String result = call.get();
            events.accept(new TurnEvent.ToolUsed(tool, code, lastProposal == null ? Map.of()
                    : Map.of("proposal", String.valueOf(lastProposal.id()))));
            return result;
        } catch (DomainException e) {
            events.accept(new TurnEvent.ToolUsed(tool, "refused", Map.of("reason", e.code())));
            return "Refused (" + e.code() + "): " + e.getMessage()
                    + e.details().stream().map(f -> " " + f + ".").reduce("", String::concat);
        }
    }
}
