package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Itinerary, expense plan and estimate, travel policy. */
class PlanningApiTest {
    private final TripSupportServer server = new TripSupportServer();
    private final long trip = server.createTrip();

    @AfterEach void stop() { server.close(); }

    @Test void an_itinerary_is_empty_until_replaced_then_grouped_by_day() {
        assertThat(server.json(server.get("/api/trips/" + trip + "/itinerary")).path("items")).isEmpty();

        var saved = server.put("/api/trips/" + trip + "/itinerary", """
                {"items":[
                  {"date":"2026-12-02","start":"10:00","kind":"meeting","title":"Acme","place":"Umeda"},
                  {"date":"2026-12-01","start":"08:00","end":"10:30","kind":"transport","title":"Nozomi 1","place":"Tokyo"},
                  {"date":"2026-12-01","start":"19:00","kind":"hotel","title":"Hotel"}]}""");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode itinerary = server.json(server.get("/api/trips/" + trip + "/itinerary"));
        assertThat(itinerary.path("source").asText()).isEqualTo("user");
        assertThat(itinerary.path("items").get(0).path("title").asText()).isEqualTo("Nozomi 1");
        assertThat(itinerary.path("items").get(0).path("end").asText()).isEqualTo("10:30");
        assertThat(itinerary.path("days")).hasSize(2);
        assertThat(itinerary.path("days").get(0).path("date").asText()).isEqualTo("2026-12-01");
        assertThat(itinerary.path("days").get(0).path("items")).hasSize(2);
    }

    @Test void itinerary_items_are_checked_one_by_one_and_named_by_position() {
        JsonNode error = server.assertError(server.put("/api/trips/" + trip + "/itinerary", """
                {"items":[
                  {"date":"2026-12-01","start":"08:00","kind":"meeting","title":"Fine"},
                  {"date":"2026-12-01","start":"09:00","kind":"party","title":""}]}"""), 400, "invalid_request");

        assertThat(error.path("details").findValuesAsText("field")).contains("items[1].kind");
        JsonNode outside = server.assertError(server.put("/api/trips/" + trip + "/itinerary", """
                {"items":[{"date":"2026-12-09","start":"08:00","kind":"meeting","title":"Late"}]}"""), 400, "invalid_request");
        assertThat(outside.path("details").get(0).path("field").asText()).isEqualTo("items[0].date");
        server.assertError(server.put("/api/trips/" + trip + "/itinerary", "{\"items\":[{\"date\":\"2026-12-01\",\"start\":\"8 o'clock\"}]}"),
                400, "invalid_request");
        assertThat(server.json(server.get("/api/trips/" + trip + "/itinerary")).path("items")).isEmpty();
    }

    @Test void the_estimate_shows_lines_rules_total_and_highlights_violations() {
        var plan = server.put("/api/trips/" + trip + "/expense-plan", """
                {"transport":[{"from":"Tokyo","to":"Osaka","date":"2026-12-01","travelClass":"shinkansen-green","fare":19000}],
                 "lodging":[{"city":"Osaka","nights":2,"ratePerNight":18000}],
                 "other":[{"description":"Gift","amount":5000}]}""");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(server.json(server.get("/api/trips/" + trip + "/expense-plan")).path("lodging").get(0).path("ratePerNight").asLong()).isEqualTo(18000);

        JsonNode estimate = server.json(server.get("/api/trips/" + trip + "/expense-estimate"));
        assertThat(estimate.path("currency").asText()).isEqualTo("JPY");
        assertThat(estimate.path("lines")).hasSize(4);
        assertThat(estimate.path("lines").findValuesAsText("category")).containsExactly("per-diem", "lodging", "transport", "other");
        assertThat(estimate.path("total").asLong()).isEqualTo(3 * 3000 + 2 * 18000 + 19000 + 5000);
        assertThat(estimate.path("violations").findValuesAsText("code")).containsExactlyInAnyOrder("lodging_over_cap", "transport_class_not_allowed");
        assertThat(estimate.path("lines").get(1).path("violating").asBoolean()).isTrue();
        assertThat(estimate.path("lines").get(0).path("violating").asBoolean()).isFalse();
        assertThat(estimate.path("lines").get(0).path("rule").asText()).contains("Per-diem");
    }

    @Test void an_invalid_plan_names_each_bad_entry_and_changes_nothing() {
        JsonNode error = server.assertError(server.put("/api/trips/" + trip + "/expense-plan", """
                {"transport":[{"from":"Tokyo","to":"Osaka","date":"2026-12-01","travelClass":"rocket"}],
                 "lodging":[{"city":"","nights":0,"ratePerNight":100}],
                 "other":[{"description":"Gift","amount":-1}]}"""), 400, "invalid_request");

        assertThat(error.path("details").findValuesAsText("field"))
                .contains("transport[0].fare", "transport[0].travelClass", "lodging[0].city", "lodging[0].nights", "other[0].amount");
        server.assertError(server.put("/api/trips/" + trip + "/expense-plan", "{\"lodging\":{}}"), 400, "invalid_request");
        assertThat(server.json(server.get("/api/trips/" + trip + "/expense-plan")).path("lodging")).isEmpty();
    }

    @Test void planning_an_unknown_trip_is_404() {
        server.assertError(server.get("/api/trips/404/itinerary"), 404, "not_found");
        server.assertError(server.get("/api/trips/404/expense-estimate"), 404, "not_found");
        server.assertError(server.put("/api/trips/404/expense-plan", "{\"transport\":[],\"lodging\":[],\"other\":[]}"), 404, "not_found");
        server.assertError(server.send("GET", "/api/trips/" + trip + "/expense-plan", null, "bob"), 404, "not_found");
    }

    @Test void the_travel_policy_is_readable() {
        JsonNode policy = server.json(server.get("/api/travel-policy"));

        assertThat(policy.path("currency").asText()).isEqualTo("JPY");
        assertThat(policy.path("perDiemByClass").path("A").asLong()).isEqualTo(3000);
        assertThat(policy.path("citiesByClass").path("A").toString()).contains("osaka");
        assertThat(policy.path("allowedTransport").toString()).contains("shinkansen-ordinary").doesNotContain("shinkansen-green");
        assertThat(policy.path("approvalThreshold").asLong()).isEqualTo(150000);
    }
}
