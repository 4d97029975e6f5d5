package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.adapter.llm.BoundedChatCall;
import dev.concierge.adapter.llm.LlmCallMetrics;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmFailure;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Generates a procedure with a langchain4j chat model in JSON-schema mode. The one retry policy of the adapter lives
 * here: an unusable reply is retried with its problems fed back, up to {@code maxAttempts} calls in all; a failed
 * call (unreachable, timed out, HTTP error, unknown model) is not retried here but reported as unavailable, so the job
 * queue retries it later with backoff.
 */
final class LangchainProcedureGenerator implements ProcedureGenerator {
    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(LangchainProcedureGenerator.class);

    private final ChatModel model;
    private final LlmConfig config;
    private final int maxAttempts;

    LangchainProcedureGenerator(ChatModel model, LlmConfig config, int maxAttempts) {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        this.model = Objects.requireNonNull(model, "model");
        this.config = Objects.requireNonNull(config, "config");
        this.maxAttempts = maxAttempts;
    }

    static LangchainProcedureGenerator from(LlmConfig config) { return from(config, LlmCallMetrics.inMemory(config)); }

    static LangchainProcedureGenerator from(LlmConfig config, LlmCallMetrics metrics) { return from(config, metrics, LlmCallTraces.off(config)); }

    static LangchainProcedureGenerator from(LlmConfig config, LlmCallMetrics metrics, LlmCallTraces traces) {
        return new LangchainProcedureGenerator(StructuredOutputChatModels.forConfig(config, metrics, traces), config, MAX_ATTEMPTS);
    }

    @Override public Procedure generate(Request request) {
        return generate(request.key(), ProcedurePrompt.firstAttempt(request),
                (reply, problems) -> ProcedurePrompt.retry(request, reply, problems), procedure -> List.of());
    }

    /**
     * The retry loop shared by whole procedures and single steps: {@code retry} builds the next conversation from an
     * unusable reply and its problems; {@code moreRules} adds problems of a procedure that passes the procedure rules.
     */
    Procedure generate(String key, List<ChatMessage> first, BiFunction<String, List<String>, List<ChatMessage>> retry,
                       Function<Procedure, List<String>> moreRules) {
        List<ChatMessage> messages = first;
        List<String> problems = List.of();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            String reply = call(messages, ProcedureSchema.RESPONSE_FORMAT);
            problems = switch (ProcedureReplyReader.read(reply)) {
                case ProcedureReply.Usable usable -> moreRules.apply(usable.procedure());
                case ProcedureReply.Unusable unusable -> unusable.problems();
            };
            if (problems.isEmpty()) {
                Procedure procedure = ((ProcedureReply.Usable) ProcedureReplyReader.read(reply)).procedure();
                log.info("Generated {} step(s) for {} on attempt {}", procedure.steps().size(), key, attempt);
                return procedure;
            }
            log.warn("Attempt {}/{} for {} returned an unusable procedure: {}", attempt, maxAttempts, key, String.join("; ", problems));
            messages = retry.apply(reply, problems);
        }
        throw new GenerationFailed("The model returned an invalid procedure " + maxAttempts + " times: " + String.join("; ", problems)
                + ". Generate again, add detail to the test case, or choose a more capable model with " + modelSetting() + ".");
    }

    /** One bounded call in the given JSON schema; a failed call is reported as unavailable. */
    String call(List<ChatMessage> messages, dev.langchain4j.model.chat.request.ResponseFormat format) {
        ChatRequest request = ChatRequest.builder().messages(messages).responseFormat(format).build();
        return switch (BoundedChatCall.run(model, request, config, "llm-procedure-call")) {
            case BoundedChatCall.Ending.Answered answered -> answered.text();
            case BoundedChatCall.Ending.TimedOut timedOut -> throw unavailable(LlmFailure.timedOut(config), null);
            case BoundedChatCall.Ending.Failed failed -> throw unavailable(LlmFailure.of(failed.cause(), config), failed.cause());
            case BoundedChatCall.Ending.Interrupted interrupted -> throw new GenerationUnavailable(
                    "Generation was interrupted before the model answered (the app may be stopping); it is retried later.");
        };
    }

    private GenerationUnavailable unavailable(LlmFailure failure, Throwable cause) {
        if (cause == null || failure.kind() != LlmFailure.Kind.OTHER) log.warn("LLM call failed ({}): {}", failure.kind(), failure.message());
        else log.warn("LLM call failed: {}", failure.message(), cause);
        return new GenerationUnavailable(failure.message());
    }

    private String modelSetting() { return config.provider() == LlmConfig.Provider.OLLAMA ? "OLLAMA_MODEL" : "OPENAI_MODEL"; }
}
