package dev.concierge.adapter.http.tripsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-rendered pages over real HTTP (the browser test in bootstrap drives them with Chromium). */
class TripPagesTest {
    private final TripSupportServer server = new TripSupportServer();

    @AfterEach void stop() { server.close(); }

    @Test void the_home_page_links_trip_support() {
        var home = server.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("href=\"/trips\"");
    }

    @Test void the_trip_list_shows_the_users_trips_and_the_form() {
        long trip = server.createTrip();

        var page = server.get("/trips?lang=en");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("href=\"/trips/" + trip + "\"", "Osaka customers", "id=\"trip-create\"",
                "data-error-for=\"endDate\"", "/assets/tripsupport/trips.js");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("onclick");
    }

    @Test void the_trip_page_flags_overlaps_and_highlights_violations() {
        long trip = server.createTrip();
        server.addVisit(trip, "Acme", "2026-12-01T10:00:00", 90);
        server.addVisit(trip, "Globex", "2026-12-01T11:00:00", 60);
        server.put("/api/trips/" + trip + "/expense-plan", """
                {"transport":[],"lodging":[{"city":"Osaka","nights":2,"ratePerNight":18000}],"other":[]}""");

        var page = server.get("/trips/" + trip + "?lang=en");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Acme", "Globex", "id=\"overlap-warning\"", "visit overlapping", "class=\"violation\"",
                "over the cap", "id=\"chat-form\"", "id=\"itinerary-form\"");
    }

    @Test void a_wrong_address_is_a_page_in_the_readers_language_saying_what_to_do() {
        var unknownTrip = server.get("/trips/99999?lang=ja");
        var notANumber = server.get("/trips/abc?lang=ja");
        var noSuchPage = server.get("/trips/1/nothing-here?lang=en");

        assertThat(unknownTrip.status()).isEqualTo(404);
        assertThat(unknownTrip.body()).contains("ページが見つかりません", "アドレスが間違っているか", "Trip 99999");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("アドレスが正しくありません");
        assertThat(noSuchPage.status()).isEqualTo(404);
        assertThat(noSuchPage.body()).contains("The address may be mistyped").doesNotContain("openapi");
    }

    @Test void the_trip_page_speaks_japanese() {
        long trip = server.createTrip();

        var page = server.get("/trips/" + trip + "?lang=ja");

        assertThat(page.body()).contains("lang=\"ja\"", "顧客訪問", "経費見積もり", "アシスタント");
    }

    @Test void a_conversation_and_its_pending_proposals_show_on_the_trip_page() {
        long trip = server.createTrip();
        long conversation = server.json(server.post("/api/trips/" + trip + "/conversations", "{\"title\":\"Prep\"}")).path("id").asLong();
        server.post("/api/conversations/" + conversation + "/messages", "{\"text\":\"Hello there\"}");

        var page = server.get("/trips/" + trip + "?conversation=" + conversation);

        assertThat(page.body()).contains("data-conversation-id=\"" + conversation + "\"", "Hello there", "message assistant");
    }

    @Test void an_unknown_trip_page_is_a_404_page_not_json() {
        var page = server.get("/trips/999");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(server.get("/trips/abc").status()).isEqualTo(400);
    }

    @Test void the_script_and_stylesheet_are_served() {
        assertThat(server.get("/assets/tripsupport/trips.js").body()).contains("text/event-stream");
        assertThat(server.get("/assets/tripsupport/trips.css").status()).isEqualTo(200);
    }
}
