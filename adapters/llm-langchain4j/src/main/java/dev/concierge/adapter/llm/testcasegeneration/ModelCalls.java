package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.adapter.llm.BoundedChatCall;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmFailure;
import dev.concierge.domain.testcasegeneration.model.Provenance;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator.GenerationUnavailable;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.output.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The model calls of one generation (first attempt and retries), counted as they go: attempts, the tokens the
 * provider reports, the time from the first call to the last answer. A failed call becomes {@link GenerationUnavailable}.
 */
final class ModelCalls {
    private static final Logger log = LoggerFactory.getLogger(ModelCalls.class);

    private final ChatModel model;
    private final LlmConfig config;
    private final ResponseFormat format;
    private final long started = System.nanoTime();
    private int attempts;
    private long inputTokens;
    private long outputTokens;

    ModelCalls(ChatModel model, LlmConfig config, ResponseFormat format) {
        this.model = model;
        this.config = config;
        this.format = format;
    }

    String call(List<ChatMessage> messages) {
        attempts++;
        ChatRequest request = ChatRequest.builder().messages(messages).responseFormat(format).build();
        return switch (BoundedChatCall.run(model, request, config, "llm-procedure-call")) {
            case BoundedChatCall.Ending.Answered answered -> {
                TokenUsage usage = answered.response().tokenUsage();
                if (usage != null) {
                    inputTokens += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
                    outputTokens += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
                }
                yield answered.text();
            }
            case BoundedChatCall.Ending.TimedOut timedOut -> throw unavailable(LlmFailure.timedOut(config), null);
            case BoundedChatCall.Ending.Failed failed -> throw unavailable(LlmFailure.of(failed.cause(), config), failed.cause());
            case BoundedChatCall.Ending.Interrupted interrupted -> throw new GenerationUnavailable(
                    "Generation was interrupted before the model answered (the app may be stopping); it is retried later.");
        };
    }

    Provenance provenance(String promptTemplate, String schema) {
        return new Provenance(config.provider().name().toLowerCase(Locale.ROOT), modelName(), promptTemplate, schema, Math.max(1, attempts),
                inputTokens, outputTokens, Duration.ofNanos(System.nanoTime() - started));
    }

    private String modelName() { return config.provider() == LlmConfig.Provider.OLLAMA ? config.ollamaModel() : config.openAiModel(); }

    String modelSetting() { return config.provider() == LlmConfig.Provider.OLLAMA ? "OLLAMA_MODEL" : "OPENAI_MODEL"; }

    private GenerationUnavailable unavailable(LlmFailure failure, Throwable cause) {
        if (cause == null || failure.kind() != LlmFailure.Kind.OTHER) log.warn("LLM call failed ({}): {}", failure.kind(), failure.message());
        else log.warn("LLM call failed: {}", failure.message(), cause);
        return new GenerationUnavailable(failure.message());
    }
}
