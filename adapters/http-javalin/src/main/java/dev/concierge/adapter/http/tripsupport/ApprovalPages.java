package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.tripsupport.ApprovalViews.ApprovalView;
import dev.concierge.adapter.http.tripsupport.ApprovalViews.NotificationView;
import dev.concierge.adapter.http.tripsupport.TripViews.ExpenseEstimateView;
import dev.concierge.adapter.http.tripsupport.TripViews.TripView;
import dev.concierge.adapter.http.web.Page;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.tripsupport.model.TripStatus;
import dev.concierge.domain.tripsupport.port.in.ApproveTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.CheckSubmittedItineraryUseCase;
import dev.concierge.adapter.http.tripsupport.DraftViews.CheckView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code /approvals}: the caller's notifications and the trips waiting for their decision. The trip page's approval
 * panel ({@link TripApproval}) submits a trip; {@code approvals.js} sends both to the JSON API.
 */
public final class ApprovalPages implements RouteGroup {
    private final ApproveTripsUseCase approvals;
    private final CheckSubmittedItineraryUseCase itineraries;
    private final CurrentUser currentUser;
    private final PageRenderer renderer;
    private final ZoneId zone;

    public ApprovalPages(ApproveTripsUseCase approvals, CheckSubmittedItineraryUseCase itineraries, CurrentUser currentUser,
                         PageRenderer renderer, ZoneId zone) {
        this.approvals = approvals;
        this.itineraries = itineraries;
        this.currentUser = currentUser;
        this.renderer = renderer;
        this.zone = zone;
    }

    /** The trip page's approval panel: the submission form (a justification per violation) and every earlier submission. */
    public record TripApproval(TripView trip, ExpenseEstimateView estimate, List<ApprovalView> history) {
        public boolean canSubmit() {
            return trip.status().equals(TripStatus.PLANNED.wireName()) || trip.status().equals(TripStatus.REJECTED.wireName());
        }
    }

    /** A moment as a person reads it on the page: date and minute, in the app's time zone. */
    public static String when(java.time.OffsetDateTime at) {
        return at.format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", java.util.Locale.ROOT));
    }

    /**
     * {@code decided}: the latest requests this approver decided, with the way to their route and report;
     * {@code itineraries}: what the itinerary rules find in each pending trip's itinerary, by request id (read-only).
     */
    public record Inbox(List<NotificationView> notifications, long unread, List<ApprovalView> pending, long pendingTotal,
                        List<ApprovalView> decided, Map<Long, CheckView> itineraries) {}

    @Override public void register(RoutesConfig routes) { routes.get("/approvals", this::inbox); }

    private void inbox(Context ctx) {
        Actor actor = currentUser.actor(ctx);
        Page page = renderer.page(ctx, "approvals.title", "approvals", actor.user().value());
        PageRequest first = Params.page(ctx);
        var notifications = approvals.notifications(actor.user(), first);
        var pending = approvals.pending(actor, first);
        Map<Long, CheckView> checks = new java.util.HashMap<>();
        for (var request : pending.items()) {
            checks.put(request.id().value(), CheckView.of(itineraries.itinerary(actor, request.id()), page.messages()));
        }
        Inbox inbox = new Inbox(notifications.items().stream().map(n -> NotificationView.of(n, page.messages(), zone)).toList(),
                approvals.unreadNotifications(actor.user()),
                pending.items().stream().map(r -> ApprovalView.of(r, actor, page.messages(), zone)).toList(), pending.total(),
                approvals.decided(actor, first).items().stream().map(r -> ApprovalView.of(r, actor, page.messages(), zone)).toList(),
                checks);
        renderer.render(ctx, "tripsupport/approvals.jte", Map.of("page", page, "inbox", inbox));
    }
}
