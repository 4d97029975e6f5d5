package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan entries priced in another currency over HTTP; the built-in policy has no exchange rates, so they are reported. */
class CurrencyApiTest {
    final TripSupportServer server = new TripSupportServer();

    @AfterEach void stop() { server.close(); }

    @Test void a_currency_is_kept_with_the_plan_and_one_without_a_rate_is_a_violation_worded_for_the_reader() {
        long trip = server.createTrip();
        var saved = server.put("/api/trips/" + trip + "/expense-plan", """
                {"transport":[{"from":"Tokyo","to":"Osaka","date":"2026-12-01","travelClass":"shinkansen-ordinary","fare":14000}],
                 "lodging":[],"other":[{"description":"Dinner","amount":80,"currency":"eur"}]}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(server.json(saved).at("/other/0/currency").asText()).isEqualTo("EUR");
        assertThat(server.json(saved).at("/transport/0/currency").asText()).isEmpty();

        JsonNode en = server.json(server.get("/api/trips/" + trip + "/expense-estimate"));
        assertThat(en.at("/violations/0/code").asText()).isEqualTo("no_exchange_rate");
        assertThat(en.at("/violations/0/message").asText()).contains("EUR", "Dec 2026");
        assertThat(en.at("/lines/2/amount").asLong()).isZero();
        assertThat(en.at("/lines/1/originalCurrency").isNull()).isTrue();
        JsonNode ja = server.json(server.sendWithLanguage("GET", "/api/trips/" + trip + "/expense-estimate", "ja"));
        assertThat(ja.at("/violations/0/message").asText()).contains("為替レート");
    }

    @Test void a_currency_that_is_not_an_iso_code_is_refused_naming_the_field() {
        long trip = server.createTrip();

        JsonNode error = server.assertError(server.put("/api/trips/" + trip + "/expense-plan", """
                {"transport":[],"lodging":[{"city":"Osaka","nights":1,"ratePerNight":100,"currency":"dollars"}],"other":[]}"""),
                400, "invalid_request");
        assertThat(error.at("/details/0/field").asText()).isEqualTo("lodging[0].currency");
    }
}
