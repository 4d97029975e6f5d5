package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.adapter.llm.LlmCallMetrics;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    @Override public Procedure generate(Request request) { return generateWithProvenance(request).procedure(); }

    @Override public Generated generateWithProvenance(Request request) {
        ModelCalls calls = new ModelCalls(model, config, ProcedureSchema.RESPONSE_FORMAT);
        List<ChatMessage> messages = ProcedurePrompt.firstAttempt(request);
        List<String> problems = List.of();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            String reply = calls.call(messages);
            switch (ProcedureReplyReader.read(reply)) {
                case ProcedureReply.Usable usable -> {
                    log.info("Generated a procedure of {} steps for {} on attempt {}", usable.procedure().steps().size(), request.key(), attempt);
                    return new Generated(usable.procedure(), Optional.of(calls.provenance(ProcedurePrompt.VERSION, ProcedureSchema.VERSION)));
                }
                case ProcedureReply.Unusable unusable -> {
                    problems = unusable.problems();
                    log.warn("Attempt {}/{} for {} returned an unusable procedure: {}", attempt, maxAttempts, request.key(), String.join("; ", problems));
                    messages = ProcedurePrompt.retry(request, reply, problems);
                }
            }
        }
        throw new GenerationFailed("The model returned an invalid procedure " + maxAttempts + " times: " + String.join("; ", problems)
                + ". Generate again, add detail to the test case, or choose a more capable model with " + calls.modelSetting() + ".");
    }
}
