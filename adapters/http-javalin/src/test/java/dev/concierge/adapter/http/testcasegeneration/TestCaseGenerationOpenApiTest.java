package dev.concierge.adapter.http.testcasegeneration;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class TestCaseGenerationOpenApiTest extends TestCaseGenerationHttpTest {

    @Test void every_api_route_is_described_in_the_openapi_document() {
        var paths = http.get("/api/openapi.json").json().get("paths");
        var apiRoutes = http.server().routes().stream().filter(r -> r.path().startsWith("/api/")).toList();

        assertThat(apiRoutes).hasSizeGreaterThan(15);
        for (var route : apiRoutes) {
            var operation = paths.path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as(route.method() + " " + route.path() + " is documented").isTrue();
            assertThat(operation.path("operationId").isTextual()).as(route + " has an operationId").isTrue();
        }
    }
}
