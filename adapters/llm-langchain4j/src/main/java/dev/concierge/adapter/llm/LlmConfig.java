package dev.concierge.adapter.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Which model to talk to and how patiently. */
public record LlmConfig(Provider provider, URI ollamaBaseUrl, String ollamaModel, Optional<String> openAiApiKey,
                        URI openAiBaseUrl, String openAiModel, Duration requestTimeout) {
    public enum Provider { OLLAMA, OPENAI }

    public LlmConfig {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(ollamaBaseUrl, "ollamaBaseUrl");
        Objects.requireNonNull(openAiBaseUrl, "openAiBaseUrl");
        Objects.requireNonNull(openAiApiKey, "openAiApiKey");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    public String model() { return provider == Provider.OLLAMA ? ollamaModel : openAiModel; }

    public URI baseUrl() { return provider == Provider.OLLAMA ? ollamaBaseUrl : openAiBaseUrl; }

    /** What a person should do when the model cannot be reached. */
    public String whatToDo() {
        return provider == Provider.OLLAMA
                ? "start Ollama there (and `ollama pull " + ollamaModel + "`), set OLLAMA_BASE_URL, or set LLM_PROVIDER=openai"
                : "check OPENAI_BASE_URL and OPENAI_API_KEY, or set LLM_PROVIDER=ollama";
    }
}
