package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.concierge.adapter.http.HttpServer;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.wiring.HttpModule;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.application.ActualExpensesService;
import dev.concierge.domain.tripsupport.application.CalendarService;
import dev.concierge.domain.tripsupport.port.in.RecordActualExpensesUseCase;
import dev.concierge.domain.tripsupport.application.DayRouteService;
import dev.concierge.domain.tripsupport.application.DraftWithAssistantService;
import dev.concierge.domain.tripsupport.port.in.ExportCalendarUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanDayRouteUseCase;
import dev.concierge.domain.tripsupport.application.ApproveTripsService;
import dev.concierge.domain.tripsupport.model.Traveller;
import dev.concierge.domain.tripsupport.model.TravelPolicy;
import dev.concierge.domain.tripsupport.port.in.ApproveTripsUseCase;
import dev.concierge.domain.tripsupport.port.out.NotificationMail;
import dev.concierge.domain.tripsupport.port.in.ChatWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.SendMessageUseCase;
import dev.concierge.domain.tripsupport.port.in.DraftWithAssistantUseCase;
import dev.concierge.domain.tripsupport.port.in.EstimateExpensesUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageTripsUseCase;
import dev.concierge.domain.tripsupport.port.in.ManageVisitsUseCase;
import dev.concierge.domain.tripsupport.port.in.PlanItineraryUseCase;
import dev.concierge.domain.tripsupport.port.in.ReviewProposalsUseCase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@link HttpServer} on a random port, wired by the real Guice modules ({@link HttpModule},
 * {@link TripSupportHttpModule}) around in-memory use cases (the drafts: the real service over them and a scripted
 * drafter). Requests act as {@code alice} unless they name another
 * user in {@code X-Test-User}.
 */
final class TripSupportServer implements AutoCloseable {
    static final String USER_HEADER = "X-Test-User";
    static final String GROUPS_HEADER = "X-Test-Groups";
    static final UserId ALICE = new UserId("alice");
    /** As {@code X-Test-User}: the request carries no identity, as without a session or the load balancer's header. */
    static final String ANONYMOUS = "anonymous";

    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    final InMemoryTrips trips = new InMemoryTrips(clock);
    final ScriptedChat chat = new ScriptedChat(trips, clock);
    final ScriptedDrafter drafter = new ScriptedDrafter();
    final InMemoryApprovals approvals = new InMemoryApprovals();
    /** Approvers are the members of {@code trip-approvers}; {@code X-Test-Groups} names the caller's groups. */
    final ApproveTripsService approving = new ApproveTripsService(trips.asTripRepository(), trips.asPlanRepository(),
            TravelPolicy::domesticJapan, approvals, java.util.function.Supplier::get, approvals, Traveller::unknown, NotificationMail.OFF, Optional.of("trip-approvers"), clock);
    final ObjectMapper mapper = new ObjectMapper();
    final InMemoryTripAdditions.Windows windows = new InMemoryTripAdditions.Windows();
    final InMemoryTripAdditions.Subscriptions subscriptions = new InMemoryTripAdditions.Subscriptions();
    final InMemoryTripAdditions.Expenses actualExpenses = new InMemoryTripAdditions.Expenses();
    final InMemoryTripAdditions.Files files = new InMemoryTripAdditions.Files();
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TripSupportServer() {
        CurrentUser user = ctx -> {
            String name = ctx.header(USER_HEADER);
            if (ANONYMOUS.equals(name)) throw new dev.concierge.adapter.http.identity.Unauthenticated("no_identity", "no identity on this request");
            String groups = ctx.header(GROUPS_HEADER);
            return new Actor(new UserId(name == null ? "alice" : name),
                    groups == null || groups.isBlank() ? Set.of() : Set.of(groups.split(",")));
        };
        Injector injector = Guice.createInjector(
                new HttpModule(new HttpServer.Config("127.0.0.1", 0, Duration.ofSeconds(1)), user),
                new TripSupportHttpModule(),
                new AbstractModule() {
                    @Override protected void configure() {
                        bind(Clock.class).toInstance(clock);
                        bind(ManageTripsUseCase.class).toInstance(trips);
                        bind(ManageVisitsUseCase.class).toInstance(trips);
                        bind(PlanItineraryUseCase.class).toInstance(trips);
                        bind(EstimateExpensesUseCase.class).toInstance(trips);
                        bind(ChatWithAssistantUseCase.class).toInstance(chat);
                        bind(SendMessageUseCase.class).toInstance(chat);
                        bind(ReviewProposalsUseCase.class).toInstance(chat);
                        bind(ApproveTripsUseCase.class).toInstance(approving);
                        bind(dev.concierge.domain.tripsupport.port.in.CheckSubmittedItineraryUseCase.class)
                                .toInstance(new dev.concierge.domain.tripsupport.application.CheckSubmittedItineraryService(approving, trips));
                        bind(DraftWithAssistantUseCase.class).toInstance(new DraftWithAssistantService(trips, trips, drafter, InMemoryTripAdditions.HALF_HOUR_APART, 2));
                        DayRouteService routes = new DayRouteService(trips, trips, windows, InMemoryTripAdditions.HALF_HOUR_APART);
                        ActualExpensesService expenses = new ActualExpensesService(trips, trips, actualExpenses, files, clock);
                        bind(PlanDayRouteUseCase.class).toInstance(routes);
                        bind(ExportCalendarUseCase.class).toInstance(new CalendarService(trips, trips, trips, subscriptions, clock));
                        bind(RecordActualExpensesUseCase.class).toInstance(expenses);
                        bind(dev.concierge.domain.tripsupport.port.in.ReviewSubmittedTripsUseCase.class).toInstance(
                                new dev.concierge.domain.tripsupport.application.ReviewSubmittedTripsService(approvals, trips, trips, routes, expenses));
                    }
                });
        server = injector.getInstance(HttpServer.class).start();
    }

    record Response(int status, String body, HttpResponse<?> raw) {
        String contentType() { return raw.headers().firstValue("Content-Type").orElse(""); }
    }

    java.util.List<HttpServer.Route> routes() { return server.routes(); }

    URI uri(String path) { return URI.create("http://127.0.0.1:" + server.port() + path); }

    Response get(String path) { return send("GET", path, null, "alice"); }

    Response post(String path, String json) { return send("POST", path, json, "alice"); }

    Response put(String path, String json) { return send("PUT", path, json, "alice"); }

    Response delete(String path) { return send("DELETE", path, null, "alice"); }

    Response send(String method, String path, String json, String user) { return send(method, path, json, user, java.util.Map.of()); }

    /** As {@code user} in {@code groups} (comma-separated) reading {@code language} (null: no Accept-Language). */
    Response send(String method, String path, String json, String user, String groups, String language) {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        headers.put(GROUPS_HEADER, groups);
        if (language != null) headers.put("Accept-Language", language);
        return send(method, path, json, user, headers);
    }

    Response send(String method, String path, String json, String user, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header(USER_HEADER, user)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        if (json != null) request.header("Content-Type", "application/json");
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A body-less request as a browser set to {@code language} sends it (Accept-Language, no cookie). */
    Response sendWithLanguage(String method, String path, String language) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header(USER_HEADER, "alice")
                .header("Accept-Language", language).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST whose answer is read as it arrives (for event streams). */
    HttpResponse<InputStream> stream(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    JsonNode json(Response response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.status() + "): " + response.body(), e);
        }
    }

    /** Asserts the standard error body with the given status and code, and returns it. */
    JsonNode assertError(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("details").isArray()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return error;
    }

    /** Creates a trip 2026-12-01..03 to Osaka and returns its id. */
    long createTrip() {
        Response created = post("/api/trips", """
                {"title":"Osaka customers","purpose":"Renewals","origin":"Tokyo","destinations":["Osaka"],
                 "startDate":"2026-12-01","endDate":"2026-12-03"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asLong();
    }

    long addVisit(long trip, String company, String startsAt, int minutes) {
        Response added = post("/api/trips/" + trip + "/visits", """
                {"company":"%s","contacts":["Ms Sato"],"location":"Osaka","startsAt":"%s","durationMinutes":%d,"agenda":"Renewal"}"""
                .formatted(company, startsAt, minutes));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return json(added).path("id").asLong();
    }

    /** Alice submits her trip (no violations) and Bob of {@code trip-approvers} approves it; returns the approval id. */
    long submitAndApprove(long trip) {
        long version = json(get("/api/trips/" + trip)).path("version").asLong();
        Response submitted = post("/api/trips/" + trip + "/submit", "{\"version\":" + version + "}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long approval = json(submitted).path("id").asLong();
        Response approved = send("POST", "/api/approvals/" + approval + "/approve", "{}", "bob", "trip-approvers", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approval;
    }

    @Override public void close() { server.stop(); }
}
