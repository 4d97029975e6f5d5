package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarApiTest {
    private final TripSupportServer server = new TripSupportServer();
    private final long trip = server.createTrip();

    @AfterEach void stop() { server.close(); }

    @Test void a_trip_downloads_as_an_ics_file_with_its_visits() {
        long visit = server.addVisit(trip, "Acme", "2026-12-01T10:00:00", 60);

        var ics = server.get("/api/trips/" + trip + "/calendar");

        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.raw().headers().firstValue("Content-Disposition")).contains("attachment; filename=\"trip-" + trip + ".ics\"");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:visit-" + visit + "@concierge")
                .contains("DTSTART;TZID=Asia/Tokyo:20261201T100000");
        server.assertError(server.send("GET", "/api/trips/" + trip + "/calendar", null, "bob"), 404, "not_found");
    }

    @Test void the_subscription_address_works_without_a_user_until_it_is_regenerated_or_revoked() {
        var made = server.post("/api/calendar-subscriptions", null);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String url = server.json(made).path("url").asText();
        String path = URI.create(url).getPath();
        assertThat(path).startsWith("/api/calendar-feeds/").endsWith(".ics");

        var feed = server.send("GET", path, null, TripSupportServer.ANONYMOUS);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/trips", null, TripSupportServer.ANONYMOUS).status()).isEqualTo(401);
        assertThat(feed.body()).contains("SUMMARY:Osaka customers");

        JsonNode listed = server.json(server.get("/api/calendar-subscriptions"));
        assertThat(listed.path("total").asInt()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("url").isNull()).isTrue(); // the token is not kept, so not shown again

        String fresh = URI.create(server.json(server.post("/api/calendar-subscriptions", null)).path("url").asText()).getPath();
        server.assertError(server.get(path), 404, "not_found");
        assertThat(server.get(fresh).status()).isEqualTo(200);

        assertThat(server.delete("/api/calendar-subscriptions/mine").status()).isEqualTo(204);
        server.assertError(server.get(fresh), 404, "not_found");
        assertThat(server.json(server.get("/api/calendar-subscriptions")).path("total").asInt()).isZero();
    }

    @Test void a_made_up_or_malformed_token_is_404() {
        server.assertError(server.get("/api/calendar-feeds/" + "A".repeat(43) + ".ics"), 404, "not_found");
        server.assertError(server.get("/api/calendar-feeds/short"), 404, "not_found");
    }
}
