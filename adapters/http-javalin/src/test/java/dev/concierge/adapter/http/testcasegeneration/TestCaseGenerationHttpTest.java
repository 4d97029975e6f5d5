package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.adapter.http.TestHttpServer;
import dev.concierge.adapter.http.identity.LocalUser;
import dev.concierge.adapter.http.web.NavigationEntry;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A server with the test-case generation routes and pages over in-memory use cases, acting as alice of team qa. */
abstract class TestCaseGenerationHttpTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Actor ALICE = new Actor(new UserId("alice"), Set.of("qa"));

    InMemoryTestCaseGeneration useCases;
    TestHttpServer http;

    @BeforeEach void startServer() {
        useCases = new InMemoryTestCaseGeneration();
        http = TestHttpServer.start(new LocalUser(ALICE),
                List.of(new NavigationEntry("testcases", "/test-cases", "nav.testcases", "home.testcases", 20)),
                shared -> List.of(
                        new TestCaseGenerationRoutes(useCases, useCases, useCases, useCases, useCases, useCases, shared.user(),
                                shared.mapper(), TOKYO, new BatchProgressStream(Duration.ofMillis(20), Duration.ofSeconds(10))),
                        new TestCaseGenerationPages(useCases, useCases, useCases, shared.user(), shared.renderer(), TOKYO)));
    }

    @AfterEach void stopServer() { http.close(); }

    long createSuite(String name) {
        var answer = http.post("/api/suites", "{\"name\":\"" + name + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    JsonNode createCase(long suite, String key, String title) {
        var answer = http.post("/api/suites/" + suite + "/test-cases",
                "{\"key\":\"" + key + "\",\"title\":\"" + title + "\",\"requirementText\":\"Users sign in with a password.\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    /** A case with a generated procedure, as the model would leave it. */
    JsonNode generatedCase(long suite, String key) {
        long id = createCase(suite, key, "Sign in").get("id").asLong();
        assertThat(http.post("/api/test-cases/" + id + "/generate", null).status()).isEqualTo(201);
        assertThat(useCases.advance()).isTrue();
        return http.get("/api/test-cases/" + id).json();
    }

    /** A GET as a browser set to {@code language} sends it. */
    TestHttpServer.Answer getIn(String language, String path) {
        return http.send(http.request(path).header("Accept-Language", language).GET());
    }

    /** A JSON request as a browser set to {@code language} sends it. */
    TestHttpServer.Answer sendIn(String language, String method, String path, String json) {
        var request = http.request(path).header("Accept-Language", language);
        if (json == null) return http.send(request.method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
        return http.send(request.header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }
}
