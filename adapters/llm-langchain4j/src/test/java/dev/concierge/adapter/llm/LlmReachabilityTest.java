package dev.concierge.adapter.llm;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The health probe against servers answering the way Ollama and OpenAI list their models. */
class LlmReachabilityTest {
    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @AfterEach void stop() { if (server != null) server.stop(0); }

    @Test void an_ollama_server_with_the_model_is_up() throws IOException {
        serve("/api/tags", 200, "{\"models\":[{\"name\":\"qwen2.5:7b\",\"model\":\"qwen2.5:7b\"}]}");

        assertThat(ollama("qwen2.5:7b").check().up()).isTrue();
    }

    @Test void a_model_tagged_latest_counts_as_the_bare_name() throws IOException {
        serve("/api/tags", 200, "{\"models\":[{\"name\":\"llama3.2:latest\"}]}");

        assertThat(ollama("llama3.2").check().up()).isTrue();
    }

    @Test void a_missing_model_is_down_and_says_which_setting_to_change() throws IOException {
        serve("/api/tags", 200, "{\"models\":[{\"name\":\"llama3.2:latest\"}]}");

        var status = ollama("qwen2.5:7b").check();

        assertThat(status.up()).isFalse();
        assertThat(status.message()).contains("qwen2.5:7b").contains("OLLAMA_MODEL");
    }

    @Test void nothing_listening_says_what_to_start_or_set() {
        var status = new LlmReachability(config(LlmConfig.Provider.OLLAMA, URI.create("http://127.0.0.1:9"), "m")).check();

        assertThat(status.up()).isFalse();
        assertThat(status.message()).contains("No LLM reachable at http://127.0.0.1:9").contains("LLM_PROVIDER=openai");
    }

    @Test void an_openai_compatible_server_is_asked_with_the_key_and_the_model_is_found() throws IOException {
        serve("/v1/models", 200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}]}");

        var status = new LlmReachability(config(LlmConfig.Provider.OPENAI, base().resolve("/v1"), "gpt-4o-mini")).check();

        assertThat(status.up()).isTrue();
        assertThat(authorization.get()).isEqualTo("Bearer sk-test");
    }

    @Test void refused_credentials_point_at_the_key() throws IOException {
        serve("/v1/models", 401, "{\"error\":{\"message\":\"bad key\"}}");

        var status = new LlmReachability(config(LlmConfig.Provider.OPENAI, base().resolve("/v1"), "gpt-4o-mini")).check();

        assertThat(status.up()).isFalse();
        assertThat(status.message()).contains("OPENAI_API_KEY");
    }

    private LlmReachability ollama(String model) { return new LlmReachability(config(LlmConfig.Provider.OLLAMA, base(), model)); }

    private static LlmConfig config(LlmConfig.Provider provider, URI url, String model) {
        return new LlmConfig(provider, url, model, Optional.of("sk-test"), url, model, Duration.ofSeconds(5));
    }

    private URI base() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    private void serve(String path, int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }
}
