package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.ListView;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.domain.tripsupport.model.CalendarSubscription;
import dev.concierge.domain.tripsupport.model.CalendarToken;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.in.ExportCalendarUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A trip as an {@code .ics} file, and the user's private calendar feed. The feed ({@code /api/calendar-feeds/...}) is
 * open like {@code /health}: calendar apps carry no session, so the secret token in its address is the identity.
 */
public final class CalendarRoutes implements RouteGroup {
    public static final String FEED_PREFIX = "/api/calendar-feeds/";
    private static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final ExportCalendarUseCase calendar;
    private final CurrentUser currentUser;
    private final ZoneId zone;

    public CalendarRoutes(ExportCalendarUseCase calendar, CurrentUser currentUser, ZoneId zone) {
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.zone = zone;
    }

    public record SubscriptionView(OffsetDateTime createdAt, String url) {}

    @Override public void register(RoutesConfig routes) {
        routes.get("/api/trips/{id}/calendar", ctx -> {
            TripId trip = TripId.parse(ctx.pathParam("id"));
            String ics = calendar.tripCalendar(currentUser.of(ctx), trip);
            ctx.header("Content-Disposition", "attachment; filename=\"trip-" + trip + ".ics\"");
            ctx.contentType(TEXT_CALENDAR).result(ics);
        });
        routes.get("/api/calendar-subscriptions", ctx -> ctx.json(ListView.of(
                calendar.subscription(currentUser.of(ctx)).map(s -> List.of(view(ctx, s))).orElse(List.of()))));
        routes.post("/api/calendar-subscriptions", ctx -> ctx.status(201).json(view(ctx, calendar.subscribe(currentUser.of(ctx)))));
        routes.delete("/api/calendar-subscriptions/mine", ctx -> {
            calendar.revoke(currentUser.of(ctx));
            ctx.status(204);
        });
        routes.get(FEED_PREFIX + "{file}", ctx -> {
            String file = ctx.pathParam("file");
            CalendarToken token = CalendarToken.parse(file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file);
            ctx.header("Cache-Control", "private, no-store");
            ctx.contentType(TEXT_CALENDAR).result(calendar.feed(token));
        });
    }

    /** The feed's full address (only when just made: the token is not kept), for pasting into a calendar app. */
    private SubscriptionView view(Context ctx, CalendarSubscription subscription) {
        return new SubscriptionView(subscription.createdAt().atZone(zone).toOffsetDateTime(),
                subscription.token().map(t -> origin(ctx) + FEED_PREFIX + t.value() + ".ics").orElse(null));
    }

    /** Behind the load balancer the request arrives over HTTP; the address people use is the forwarded scheme. */
    static String origin(Context ctx) {
        String scheme = ctx.header("X-Forwarded-Proto");
        return (scheme == null || scheme.isBlank() ? ctx.scheme() : scheme.split(",")[0].strip()) + "://" + ctx.host();
    }
}
