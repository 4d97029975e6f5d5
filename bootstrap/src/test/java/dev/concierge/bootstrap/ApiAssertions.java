package dev.concierge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What every context's API answers alike: the error envelope, no stack traces; which paths are the API. */
public final class ApiAssertions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiAssertions() {}

    public static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/health") || path.equals("/metrics");
    }

    /** The standard error body: {"error":{"code","message","details":[...]}}, and no stack trace. */
    public static JsonNode assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as("%s %s → %s", response.request().method(), response.request().uri(), response.body())
                .isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/error/code").asText()).as(response.body()).isEqualTo(code);
        assertThat(body.at("/error/message").asText()).as(response.body()).isNotBlank();
        assertThat(body.at("/error/details").isArray()).as(response.body()).isTrue();
        assertNoStackTrace(response.body());
        return body;
    }

    public static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.concierge.")
                .doesNotContain("org.eclipse").doesNotContain("io.javalin");
    }
}
