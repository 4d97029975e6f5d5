package dev.concierge.adapter.http.tripsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TripSupportOpenApiTest {
    private final TripSupportServer server = new TripSupportServer();

    @AfterEach void stop() { server.close(); }

    @Test void every_trip_support_api_route_is_in_the_openapi_document() {
        JsonNode paths = server.json(server.get("/api/openapi.json")).path("paths");
        List<String> missing = new ArrayList<>();
        for (var route : server.routes()) {
            if (!route.path().startsWith("/api/") || route.path().equals("/api/openapi.json")) continue;
            if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(route.method())) continue;
            if (paths.path(route.path()).path(route.method().toLowerCase(Locale.ROOT)).isMissingNode()) missing.add(route.method() + " " + route.path());
        }

        assertThat(server.routes()).isNotEmpty();
        assertThat(missing).isEmpty();
        assertThat(paths.path("/api/conversations/{id}/messages").path("post").path("responses").path("200").path("content")
                .has("text/event-stream")).isTrue();
    }
}
