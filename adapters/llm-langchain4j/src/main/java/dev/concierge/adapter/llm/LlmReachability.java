package dev.concierge.adapter.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Whether the configured model answers: lists the provider's models (cheap, no generation) and checks the
 * configured one is among them. Reported by /health; never decides whether the app can serve.
 */
public final class LlmReachability {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final LlmConfig config;
    /** Built on a background thread: creating a JDK HttpClient (TLS set-up) was a sixth of start-up time. */
    private final java.util.concurrent.CompletableFuture<HttpClient> http = java.util.concurrent.CompletableFuture.supplyAsync(
            () -> HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build(),
            task -> Thread.ofPlatform().daemon().name("llm-probe-client").start(task));

    public LlmReachability(LlmConfig config) { this.config = config; }

    public record Status(boolean up, String message) {}

    public Status check() {
        URI uri = config.provider() == LlmConfig.Provider.OLLAMA
                ? config.ollamaBaseUrl().resolve("/api/tags")
                : URI.create(config.openAiBaseUrl().toString().replaceAll("/+$", "") + "/models");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET();
        config.openAiApiKey().filter(k -> config.provider() == LlmConfig.Provider.OPENAI)
                .ifPresent(key -> request.header("Authorization", "Bearer " + key));
        try {
            HttpResponse<String> response = http.join().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                return new Status(false, "The LLM at " + config.baseUrl() + " refused the credentials — check OPENAI_API_KEY.");
            }
            if (response.statusCode() / 100 != 2) {
                return new Status(false, "The LLM at " + config.baseUrl() + " answered HTTP " + response.statusCode()
                        + " — " + config.whatToDo() + ".");
            }
            if (!response.body().contains("\"" + config.model() + "\"") && !response.body().contains("\"" + config.model() + ":latest\"")) {
                return new Status(false, "The LLM at " + config.baseUrl() + " does not have model '" + config.model()
                        + "' — pull it or set " + (config.provider() == LlmConfig.Provider.OLLAMA ? "OLLAMA_MODEL" : "OPENAI_MODEL") + ".");
            }
            return new Status(true, config.provider().name().toLowerCase(java.util.Locale.ROOT) + " model " + config.model()
                    + " at " + config.baseUrl());
        } catch (HttpTimeoutException e) {
            return new Status(false, "The LLM at " + config.baseUrl() + " did not answer within " + PROBE_TIMEOUT.toSeconds()
                    + " s — " + config.whatToDo() + ".");
        } catch (IOException e) {
            return new Status(false, "No LLM reachable at " + config.baseUrl() + " — " + config.whatToDo() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(false, "LLM check interrupted");
        }
    }
}
