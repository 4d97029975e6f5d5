package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DayRouteApiTest {
    private final TripSupportServer server = new TripSupportServer();
    private final long trip = server.createTrip();

    @AfterEach void stop() { server.close(); }

    long visitAt(String company, String location, String startsAt, int minutes) {
        var added = server.post("/api/trips/" + trip + "/visits", """
                {"company":"%s","location":"%s","startsAt":"%s","durationMinutes":%d}""".formatted(company, location, startsAt, minutes));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return server.json(added).path("id").asLong();
    }

    @Test void the_days_visits_come_back_in_route_order_with_travel_and_the_ones_that_do_not_fit() {
        long late = visitAt("Acme", "Namba", "2026-12-01T09:00:00", 60);
        long early = visitAt("Globex", "Umeda", "2026-12-01T15:00:00", 60);
        long tooLong = visitAt("Initech", "Umeda", "2026-12-01T11:00:00", 120);
        assertThat(server.put("/api/visits/" + late + "/window", "{\"from\":\"13:00\",\"until\":\"17:00\"}").status()).isEqualTo(200);
        assertThat(server.put("/api/visits/" + tooLong + "/window", "{\"from\":\"10:00\",\"until\":\"11:00\"}").status()).isEqualTo(200);

        var answer = server.get("/api/trips/" + trip + "/day-routes/2026-12-01?startPlace=Umeda&dayStart=09:00&dayEnd=18:00");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode route = server.json(answer);
        assertThat(route.path("method").asText()).isEqualTo("exact");
        assertThat(route.path("legs").findValuesAsText("visitId")).containsExactly(String.valueOf(early), String.valueOf(late));
        assertThat(route.path("legs").get(0).path("start").asText()).isEqualTo("09:00");
        assertThat(route.path("legs").get(1).path("travelMinutes").asInt()).isEqualTo(30);
        assertThat(route.path("legs").get(1).path("start").asText()).isEqualTo("13:00");
        assertThat(route.path("legs").get(1).path("waitMinutes").asInt()).isEqualTo(150);
        JsonNode unfit = route.path("unfit").get(0);
        assertThat(unfit.path("visitId").asLong()).isEqualTo(tooLong);
        assertThat(unfit.path("reason").asText()).isEqualTo("window_too_short");
        assertThat(unfit.path("message").asText()).contains("120").contains("60");
    }

    @Test void the_reason_is_worded_in_japanese_for_a_japanese_reader() {
        long visit = visitAt("Acme", "Namba", "2026-12-01T09:00:00", 120);
        server.put("/api/visits/" + visit + "/window", "{\"from\":\"10:00\",\"until\":\"11:00\"}");

        var answer = server.sendWithLanguage("GET", "/api/trips/" + trip + "/day-routes/2026-12-01", "ja");

        assertThat(server.json(answer).path("unfit").get(0).path("message").asText()).contains("先方");
    }

    @Test void applying_moves_the_visits_to_the_planned_times() {
        long afternoon = visitAt("Acme", "Namba", "2026-12-01T15:00:00", 60);
        long morning = visitAt("Globex", "Umeda", "2026-12-01T16:30:00", 60);
        server.put("/api/visits/" + afternoon + "/window", "{\"from\":\"14:00\",\"until\":\"17:00\"}");

        var applied = server.post("/api/trips/" + trip + "/day-routes/2026-12-01/apply", "{\"startPlace\":\"Umeda\",\"dayStart\":\"09:00\"}");

        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(server.json(server.get("/api/visits/" + morning)).path("startsAt").asText()).isEqualTo("2026-12-01T09:00:00");
        assertThat(server.json(server.get("/api/visits/" + afternoon)).path("startsAt").asText()).isEqualTo("2026-12-01T14:00:00");
    }

    @Test void windows_are_listed_read_and_removed() {
        long visit = visitAt("Acme", "Namba", "2026-12-01T09:00:00", 60);
        server.put("/api/visits/" + visit + "/window", "{\"from\":\"13:00\",\"until\":\"17:00\"}");

        assertThat(server.json(server.get("/api/trips/" + trip + "/visit-windows")).path("total").asInt()).isEqualTo(1);
        assertThat(server.json(server.get("/api/visits/" + visit + "/window")).path("until").asText()).isEqualTo("17:00");
        assertThat(server.delete("/api/visits/" + visit + "/window").status()).isEqualTo(204);
        assertThat(server.json(server.get("/api/visits/" + visit + "/window")).path("from").isNull()).isTrue();
    }

    @Test void wrong_input_is_400_with_the_field_and_another_users_trip_404() {
        long visit = visitAt("Acme", "Namba", "2026-12-01T09:00:00", 60);
        JsonNode error = server.assertError(server.put("/api/visits/" + visit + "/window", "{\"from\":\"17:00\",\"until\":\"13:00\"}"), 400, "invalid_request");
        assertThat(error.path("details").findValuesAsText("field")).contains("until");
        server.assertError(server.put("/api/visits/" + visit + "/window", "{\"from\":\"soon\",\"until\":\"13:00\"}"), 400, "invalid_request");
        server.assertError(server.get("/api/trips/" + trip + "/day-routes/2026-12-09"), 400, "invalid_request");
        server.assertError(server.get("/api/trips/" + trip + "/day-routes/2026-12-01?dayStart=18:00&dayEnd=09:00"), 400, "invalid_request");
        server.assertError(server.get("/api/trips/" + trip + "/day-routes/tomorrow"), 400, "invalid_request");
        server.assertError(server.send("GET", "/api/trips/" + trip + "/day-routes/2026-12-01", null, "bob"), 404, "not_found");
        server.assertError(server.send("PUT", "/api/visits/" + visit + "/window", "{\"from\":\"13:00\",\"until\":\"17:00\"}", "bob"), 404, "not_found");
    }
}
