package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.TripViews.ExpenseEstimateView;
import dev.concierge.adapter.http.tripsupport.TripViews.ExpensePlanView;
import dev.concierge.adapter.http.tripsupport.TripViews.ItineraryView;
import dev.concierge.adapter.http.tripsupport.TripViews.MessageView;
import dev.concierge.adapter.http.tripsupport.TripViews.TripView;
import dev.concierge.adapter.http.tripsupport.TripViews.VisitView;
import dev.concierge.adapter.http.web.Page;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.tripsupport.model.Conversation;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.ConversationNotFound;
import dev.concierge.domain.tripsupport.model.CustomerVisit;
import dev.concierge.domain.tripsupport.model.Itinerary;
import dev.concierge.domain.tripsupport.model.ItineraryKind;
import dev.concierge.domain.tripsupport.model.StoredMessage;
import dev.concierge.domain.tripsupport.model.TransportClass;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;
import dev.concierge.domain.tripsupport.port.in.SendMessageCommand;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /trips} (the user's trips and a form for a new one) and {@code /trips/{id}} (visits, itinerary, expenses,
 * the assistant). Rendered from the same use cases as the API; {@code trips.js} sends every change to the JSON API
 * and streams the assistant's answers.
 */
public final class TripPages implements RouteGroup {
    private final ManageTripsUseCase trips;
    private final ManageVisitsUseCase visits;
    private final PlanItineraryUseCase itinerary;
    private final EstimateExpensesUseCase expenses;
    private final ChatWithAssistantUseCase chat;
    private final ReviewProposalsUseCase proposals;
    private final CurrentUser currentUser;
    private final PageRenderer renderer;
    private final ZoneId zone;

    public TripPages(ManageTripsUseCase trips, ManageVisitsUseCase visits, PlanItineraryUseCase itinerary,
                     EstimateExpensesUseCase expenses, ChatWithAssistantUseCase chat, ReviewProposalsUseCase proposals,
                     CurrentUser currentUser, PageRenderer renderer, ZoneId zone) {
        this.trips = trips;
        this.visits = visits;
        this.itinerary = itinerary;
        this.expenses = expenses;
        this.chat = chat;
        this.proposals = proposals;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.zone = zone;
    }

    /** The list page: one page of trips, the status filter, and the form. */
    public record TripList(List<TripView> items, long total, String status, int offset, int limit) {
        public boolean hasPrevious() { return offset > 0; }

        public boolean hasNext() { return offset + items.size() < total; }

        public String href(int newOffset) { return "/trips?status=" + status + "&offset=" + Math.max(0, newOffset); }
    }

    /** Everything the trip page shows. {@code conversation} is the open one, if any. */
    public record TripPage(TripView trip, List<VisitView> visits, int overlapCount, ItineraryView itinerary,
                           ExpensePlanView plan, ExpenseEstimateView estimate, List<Conversation> conversations,
                           Optional<Conversation> conversation, List<ChatLine> messages, List<ProposalPreview> proposals) {
        public List<String> itineraryKinds() { return Arrays.stream(ItineraryKind.values()).map(ItineraryKind::wireName).toList(); }

        public List<String> transportClasses() { return Arrays.stream(TransportClass.values()).map(TransportClass::wireName).toList(); }

        public String destinationsText() { return String.join(", ", trip.destinations()); }

        public boolean canApprove() { return trip.status().equals(TripStatus.PLANNED.wireName()); }

        public boolean canComplete() { return trip.status().equals(TripStatus.APPROVED.wireName()); }

        public boolean canCancel() { return trip.editable(); }

        public long conversationId() { return conversation.map(c -> c.id().value()).orElse(0L); }

        public int maxMessageLength() { return SendMessageCommand.MAX_TEXT_LENGTH; }
    }

    /** One message as the chat shows it: the person's, the assistant's, or a summary of a tool the assistant used. */
    public record ChatLine(String kind, String text) {}

    /** An amount with thousands separators, the same whatever the server's locale. */
    public static String amount(long value) { return String.format(java.util.Locale.ROOT, "%,d", value); }

    public static List<String> statuses() { return Arrays.stream(TripStatus.values()).map(TripStatus::wireName).toList(); }

    @Override public void register(RoutesConfig routes) {
        routes.get("/trips", this::list);
        routes.get("/trips/{id}", this::trip);
        routes.get("/trips/{id}/proposals", this::proposalList);
    }

    private void list(Context ctx) {
        UserId user = currentUser.of(ctx);
        Page page = renderer.page(ctx, "trips.title", "trips", user.value());
        Optional<TripStatus> status = Params.text(ctx, "status").map(TripStatus::parse);
        PageRequest request = Params.page(ctx);
        var found = trips.list(user, status, request);
        TripList list = new TripList(found.items().stream().map(t -> TripView.of(t, zone)).toList(), found.total(),
                status.map(TripStatus::wireName).orElse(""), request.offset(), request.limit());
        renderer.render(ctx, "tripsupport/list.jte", Map.of("page", page, "trips", list));
    }

    /** The proposals of one conversation as the trip page shows them, for the page to refresh after a turn. */
    private void proposalList(Context ctx) {
        UserId user = currentUser.of(ctx);
        TripId id = TripId.parse(ctx.pathParam("id"));
        trips.get(user, id); // another user's trip does not exist
        ConversationId conversation = Params.text(ctx, "conversation").map(ConversationId::parse)
                .orElseThrow(() -> Params.invalid("conversation", Validation.REQUIRED));
        if (chat.conversations(user, id).stream().noneMatch(c -> c.id().equals(conversation))) throw new ConversationNotFound(conversation);
        Page page = renderer.page(ctx, "trips.title", "trips", user.value());
        renderer.render(ctx, "tripsupport/proposals.jte", Map.of("page", page, "proposals",
                previews(user, conversation, visits.schedule(user, id).visits(), itinerary.itinerary(user, id), page)));
    }

    private List<ProposalPreview> previews(UserId user, ConversationId conversation, List<CustomerVisit> current,
                                           Itinerary currentItinerary, Page page) {
        return proposals.proposals(user, conversation).stream()
                .map(p -> ProposalPreview.of(p, current, currentItinerary, page.messages())).toList();
    }

    private void trip(Context ctx) {
        UserId user = currentUser.of(ctx);
        TripId id = TripId.parse(ctx.pathParam("id"));
        var trip = TripView.of(trips.get(user, id), zone);
        Page listPage = renderer.page(ctx, "trips.title", "trips", user.value());
        Page page = listPage.titled(trip.title() + " · " + listPage.title());
        var schedule = visits.schedule(user, id);
        List<Conversation> conversations = chat.conversations(user, id);
        Optional<Conversation> open = Params.text(ctx, "conversation").map(ConversationId::parse)
                .flatMap(cid -> conversations.stream().filter(c -> c.id().equals(cid)).findFirst())
                .or(() -> conversations.isEmpty() ? Optional.empty() : Optional.of(conversations.getLast()));
        // A tool's result is written for the model; the person reads a summary of what the assistant did.
        List<ChatLine> messages = open.map(c -> chat.history(user, c.id()).stream()
                .filter(m -> m.kind() == StoredMessage.Kind.USER || (m.kind() == StoredMessage.Kind.ASSISTANT && !m.text().isBlank())
                        || m.kind() == StoredMessage.Kind.TOOL_RESULT)
                .map(m -> m.kind() == StoredMessage.Kind.TOOL_RESULT
                        ? new ChatLine("tool", ChatTexts.storedToolSummary(page.messages(), m))
                        : new ChatLine(MessageView.of(m, zone).kind(), m.text())).toList()).orElse(List.of());
        var currentItinerary = itinerary.itinerary(user, id);
        List<ProposalPreview> pending = open.map(c -> previews(user, c.id(), schedule.visits(), currentItinerary, page)).orElse(List.of());
        TripPage model = new TripPage(trip,
                schedule.visits().stream().map(v -> VisitView.of(v, schedule.overlaps())).toList(),
                schedule.overlaps().size(),
                ItineraryView.of(currentItinerary),
                ExpensePlanView.of(expenses.plan(user, id)),
                ExpenseEstimateView.of(expenses.estimate(user, id), new TripTexts(page.messages())),
                conversations, open, messages, pending);
        renderer.render(ctx, "tripsupport/trip.jte", Map.of("page", page, "model", model));
    }
}
