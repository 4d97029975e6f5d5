package dev.concierge.bootstrap.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.bootstrap.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real app on the documented example policy (docs/travel-policy.example.properties): a trip to New York priced in
 * dollars is estimated in yen at the dated rate, shown with both amounts in the API and on the page, and the policy
 * edition of a day is readable.
 */
class TripCurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningApp running;

    @BeforeAll static void start() {
        running = RunningApp.start(Map.of("TRAVEL_POLICY_FILE", Path.of("../docs/travel-policy.example.properties").toAbsolutePath().toString()));
    }

    @AfterAll static void stop() { running.close(); }

    @Test void a_hotel_in_new_york_priced_in_dollars_is_estimated_in_yen_at_the_days_rate_and_shown_with_both_amounts() throws Exception {
        var created = running.post("/api/trips", """
                {"title":"NY customers","origin":"Tokyo","destinations":["New York"],"startDate":"2026-05-10","endDate":"2026-05-12"}""");
        long trip = JSON.readTree(created.body()).path("id").asLong();
        var plan = running.request("PUT", "/api/trips/" + trip + "/expense-plan", """
                {"transport":[],"lodging":[{"city":"New York","nights":2,"ratePerNight":250,"currency":"usd"}],"other":[]}""");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        assertThat(JSON.readTree(plan.body()).at("/lodging/0/currency").asText()).isEqualTo("USD");

        JsonNode estimate = JSON.readTree(running.get("/api/trips/" + trip + "/expense-estimate").body());
        JsonNode hotel = estimate.at("/lines/1");
        assertThat(estimate.path("currency").asText()).isEqualTo("JPY");
        assertThat(hotel.path("amount").asLong()).isEqualTo(2 * 37_800); // $250 × ¥151.20
        assertThat(hotel.path("originalAmount").asLong()).isEqualTo(500);
        assertThat(hotel.path("originalCurrency").asText()).isEqualTo("USD");
        assertThat(hotel.path("exchangeRate").asText()).isEqualTo("151.20");
        assertThat(estimate.at("/violations/0/code").asText()).as("$250 is over the ¥30,000 cap for class F").isEqualTo("lodging_over_cap");

        String page = running.send(HttpRequest.newBuilder(URI.create(running.base() + "/trips/" + trip + "?lang=ja")).GET()).body();
        assertThat(page).contains("¥75,600", "500 USD @ 151.20", "250 USD");

        JsonNode before = JSON.readTree(running.get("/api/travel-policy?on=2025-03-31").body());
        assertThat(before.path("effectiveFrom").asText()).isEqualTo("1970-01-01");
        assertThat(before.path("lodgingAllowance").asLong()).isZero();
        JsonNode latest = JSON.readTree(running.get("/api/travel-policy").body());
        assertThat(latest.path("effectiveFrom").asText()).isEqualTo("2026-04-01");
        assertThat(latest.path("editions")).hasSize(3);
        assertThat(latest.at("/lodgingCapByGrade/executive/F").asLong()).isEqualTo(45_000);
    }
}
