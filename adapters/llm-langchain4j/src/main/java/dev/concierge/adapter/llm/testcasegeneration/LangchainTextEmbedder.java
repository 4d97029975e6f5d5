package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmFailure;
import dev.concierge.domain.testcasegeneration.port.out.TextEmbedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;

import java.util.List;

/**
 * Embeddings from the configured provider's embedding API (Ollama's {@code /api/embed}, OpenAI's {@code /v1/embeddings}),
 * at the same base URL, key and timeout as the generator. Not retried by langchain4j: a missing vector is retried by a
 * person's "check now", and a hung server must not hold an import three times over.
 */
public final class LangchainTextEmbedder implements TextEmbedder {
    /** {@code GENERATION_EMBEDDING_MODEL=auto}: a multilingual model of each provider (Japanese and English cases). */
    public static final String AUTO = "auto";
    static final String OLLAMA_DEFAULT = "bge-m3";
    static final String OPENAI_DEFAULT = "text-embedding-3-small";

    private final EmbeddingModel model;
    private final String modelName;
    private final LlmConfig config;

    LangchainTextEmbedder(EmbeddingModel model, String modelName, LlmConfig config) {
        this.model = model;
        this.modelName = modelName;
        this.config = config;
    }

    public static LangchainTextEmbedder from(LlmConfig config, String embeddingModel) {
        String name = modelName(config.provider(), embeddingModel);
        EmbeddingModel model = switch (config.provider()) {
            case OLLAMA -> OllamaEmbeddingModel.builder()
                    .baseUrl(config.ollamaBaseUrl().toString())
                    .modelName(name)
                    .timeout(config.requestTimeout())
                    .maxRetries(0)
                    .build();
            case OPENAI -> {
                OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder builder = OpenAiEmbeddingModel.builder()
                        .baseUrl(config.openAiBaseUrl().toString())
                        .modelName(name)
                        .timeout(config.requestTimeout())
                        .maxRetries(0);
                config.openAiApiKey().ifPresent(builder::apiKey);
                yield builder.build();
            }
        };
        return new LangchainTextEmbedder(model, name, config);
    }

    static String modelName(LlmConfig.Provider provider, String setting) {
        if (setting != null && !setting.isBlank() && !setting.strip().equalsIgnoreCase(AUTO)) return setting.strip();
        return provider == LlmConfig.Provider.OLLAMA ? OLLAMA_DEFAULT : OPENAI_DEFAULT;
    }

    @Override public String model() { return modelName; }

    @Override public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) return List.of();
        List<Embedding> embeddings;
        try {
            // a blank text is refused by some servers; one space embeds as "nothing"
            embeddings = model.embedAll(texts.stream().map(t -> TextSegment.from(t.isBlank() ? " " : t)).toList()).content();
        } catch (RuntimeException e) {
            throw new EmbeddingUnavailable(message(LlmFailure.of(e, config)));
        }
        if (embeddings == null || embeddings.size() != texts.size()) {
            throw new EmbeddingUnavailable("The embedding model '" + modelName + "' at " + config.baseUrl() + " answered "
                    + (embeddings == null ? "nothing" : embeddings.size() + " vectors for " + texts.size() + " texts") + ".");
        }
        return embeddings.stream().map(Embedding::vector).toList();
    }

    /** The chat failure's words, except where they name the chat model's setting. */
    private String message(LlmFailure failure) {
        if (failure.kind() == LlmFailure.Kind.MODEL_MISSING || failure.kind() == LlmFailure.Kind.REQUEST_REJECTED) {
            return "The embedding model '" + modelName + "' is not available at " + config.baseUrl() + " — "
                    + (config.provider() == LlmConfig.Provider.OLLAMA ? "run `ollama pull " + modelName + "` there, or " : "")
                    + "set GENERATION_EMBEDDING_MODEL to an embedding model that server offers.";
        }
        return failure.message();
    }
}
