package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.adapter.llm.LlmCallMetrics;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.util.List;

/**
 * Chat models that answer in a JSON schema, for the configured provider. Each call is bounded by the configured
 * timeout and never retried by langchain4j ({@code maxRetries(0)}): its default of 2 retries turns one hung call into
 * three, and the generator owns the retry policy.
 */
final class StructuredOutputChatModels {
    private StructuredOutputChatModels() {}

    static ChatModel forConfig(LlmConfig config) { return forConfig(config, LlmCallMetrics.inMemory(config)); }

    static ChatModel forConfig(LlmConfig config, LlmCallMetrics metrics) { return forConfig(config, metrics, LlmCallTraces.off(config)); }

    static ChatModel forConfig(LlmConfig config, LlmCallMetrics metrics, LlmCallTraces traces) {
        return switch (config.provider()) {
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(config.ollamaBaseUrl().toString())
                    .modelName(config.ollamaModel())
                    // without this capability langchain4j sends no `format`, and Ollama answers free text
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    // thinking models otherwise spend the time budget on a <think> block before the JSON
                    .think(false)
                    .timeout(config.requestTimeout())
                    .maxRetries(0)
                    .listeners(List.of(metrics, traces))
                    .build();
            case OPENAI -> {
                OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                        .baseUrl(config.openAiBaseUrl().toString())
                        .modelName(config.openAiModel())
                        .responseFormat("json_schema")
                        .strictJsonSchema(true)
                        .timeout(config.requestTimeout())
                        .maxRetries(0)
                        .listeners(List.of(metrics, traces));
                config.openAiApiKey().ifPresent(builder::apiKey);
                yield builder.build();
            }
        };
    }
}
