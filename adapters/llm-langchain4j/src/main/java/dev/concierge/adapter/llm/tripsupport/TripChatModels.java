package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.adapter.llm.LlmCallMetrics;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The trip assistant's models for the configured provider: streamed chat with tools, and JSON-schema output for
 * drafts. Both use langchain4j's default HTTP client (the JDK's); its own tasks run on virtual threads, while
 * langchain4j reads a streamed answer on the JDK's common pool (where the JDK client runs callers' follow-ups). Every
 * call is bounded by the configured timeout; the drafting model never retries on its own ({@code maxRetries(0)}: a
 * hung call must cost one timeout, not three) and langchain4j's streaming models do not retry at all.
 */
record TripChatModels(StreamingChatModel streaming, ChatModel structured, LlmCallMetrics metrics, LlmCallTraces traces) {
    /** The JDK client's executor (sending requests, taking in response bytes): a virtual thread per task. */
    private static final ExecutorService CLIENT_TASKS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("llm-http-", 0).factory());

    static TripChatModels forConfig(LlmConfig config) { return forConfig(config, LlmCallMetrics.inMemory(config)); }

    static TripChatModels forConfig(LlmConfig config, LlmCallMetrics metrics) { return forConfig(config, metrics, LlmCallTraces.off(config)); }

    static TripChatModels forConfig(LlmConfig config, LlmCallMetrics metrics, LlmCallTraces traces) {
        List<ChatModelListener> listeners = List.of(metrics, traces);
        return switch (config.provider()) {
            case OLLAMA -> new TripChatModels(
                    OllamaStreamingChatModel.builder().baseUrl(config.ollamaBaseUrl().toString()).modelName(config.ollamaModel())
                            .httpClientBuilder(streamingClient()).think(false).timeout(config.requestTimeout()).listeners(listeners).build(),
                    OllamaChatModel.builder().baseUrl(config.ollamaBaseUrl().toString()).modelName(config.ollamaModel())
                            // without this capability langchain4j sends no `format`, and Ollama answers free text
                            .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                            .think(false).timeout(config.requestTimeout()).maxRetries(0).listeners(listeners).build(),
                    metrics, traces);
            case OPENAI -> {
                OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder streaming = OpenAiStreamingChatModel.builder()
                        .baseUrl(config.openAiBaseUrl().toString()).modelName(config.openAiModel()).httpClientBuilder(streamingClient())
                        .timeout(config.requestTimeout()).listeners(listeners);
                OpenAiChatModel.OpenAiChatModelBuilder structured = OpenAiChatModel.builder()
                        .baseUrl(config.openAiBaseUrl().toString()).modelName(config.openAiModel())
                        .responseFormat("json_schema").strictJsonSchema(true).timeout(config.requestTimeout()).maxRetries(0)
                        .listeners(listeners);
                config.openAiApiKey().ifPresent(key -> {
                    streaming.apiKey(key);
                    structured.apiKey(key);
                });
                yield new TripChatModels(streaming.build(), structured.build(), metrics, traces);
            }
        };
    }

    /** langchain4j's default client, with the JDK client's tasks on virtual threads instead of its cached platform pool. */
    private static JdkHttpClientBuilder streamingClient() {
        return JdkHttpClient.builder().httpClientBuilder(HttpClient.newBuilder().executor(CLIENT_TASKS));
    }
}
