package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.concierge.bootstrap.ApiAssertions.isApi;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/openapi.json}, assembled from the shared base and every context's fragment, matches the routes served. */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningApp running;

    @BeforeAll static void start() { running = RunningApp.start(); }

    @AfterAll static void stop() { running.close(); }

    @Test void every_api_route_the_server_registers_is_in_the_openapi_document_with_its_method() throws Exception {
        JsonNode paths = JSON.readTree(running.get("/api/openapi.json").body()).get("paths");
        List<String> missing = new ArrayList<>();

        var routes = running.app.injector().getInstance(dev.concierge.adapter.http.HttpServer.class).routes();
        for (var route : routes) {
            if (!isApi(route.path())) continue;
            JsonNode operations = paths.get(route.path());
            if (operations == null || !operations.has(route.method().toLowerCase())) missing.add(route.method() + " " + route.path());
        }

        assertThat(routes).as("routes the server registered").isNotEmpty();
        assertThat(missing).as("API routes missing from /api/openapi.json").isEmpty();
    }

    @Test void every_operation_in_the_openapi_document_is_a_route_the_server_registers() throws Exception {
        JsonNode paths = JSON.readTree(running.get("/api/openapi.json").body()).get("paths");
        var routes = running.app.injector().getInstance(dev.concierge.adapter.http.HttpServer.class).routes().stream()
                .map(r -> r.method().toLowerCase() + " " + r.path()).toList();
        List<String> documentedOnly = new ArrayList<>();

        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!routes.contains(method + " " + path.getKey())) documentedOnly.add(method + " " + path.getKey());
        }));

        assertThat(documentedOnly).as("documented operations the server does not serve").isEmpty();
    }

    /** Lists short by nature: the twelve signs, the caller's one calendar subscription. */
    private static final Set<String> WHOLE_LISTS = Set.of("/api/horoscopes", "/api/calendar-subscriptions");

    @Test void every_list_takes_limit_and_offset() throws Exception {
        JsonNode document = JSON.readTree(running.get("/api/openapi.json").body());
        List<String> lists = new ArrayList<>();
        List<String> unpaged = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().get("get");
            if (get == null || WHOLE_LISTS.contains(path.getKey())) return;
            JsonNode schema = resolve(document, get.at("/responses/200/content/application~1json/schema"));
            if (!schema.at("/properties/items").isMissingNode() && !schema.at("/properties/total").isMissingNode()) {
                lists.add(path.getKey());
                List<String> parameters = new ArrayList<>();
                get.path("parameters").forEach(parameter -> parameters.add(resolve(document, parameter).path("name").asText()));
                if (!parameters.containsAll(List.of("limit", "offset"))) unpaged.add(path.getKey());
            }
        });

        assertThat(lists).as("lists found in the document").contains("/api/trips", "/api/trips/{id}/actual-expenses");
        assertThat(unpaged).as("lists answering {items, total} without limit and offset").isEmpty();
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }
}
