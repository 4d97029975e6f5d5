package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.adapter.llm.LlmCallMetrics;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Generates a procedure with a langchain4j chat model in JSON-schema mode. The one retry policy of the adapter lives
 * here: an unusable reply is retried with its problems fed back, up to {@code maxAttempts} calls in all; a failed
 * call (unreachable, timed out, HTTP error, unknown model) is not retried here but reported as unavailable, so the job
 * queue retries it later with backoff. Every generation counts its calls ({@link ModelCalls}) for its provenance.
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
        Procedure procedure = generate(calls, request.key(), ProcedurePrompt.firstAttempt(request),
                (reply, problems) -> ProcedurePrompt.retry(request, reply, problems), generated -> List.of());
        return new Generated(procedure, Optional.of(calls.provenance(ProcedurePrompt.VERSION, ProcedureSchema.VERSION)));
    }

    /**
     * The retry loop shared by whole procedures and single steps: {@code retry} builds the next conversation from an
     * unusable reply and its problems; {@code moreRules} adds problems of a procedure that passes the procedure rules.
     */
    Procedure generate(String key, List<ChatMessage> first, BiFunction<String, List<String>, List<ChatMessage>> retry,
                       Function<Procedure, List<String>> moreRules) {
        return generate(new ModelCalls(model, config, ProcedureSchema.RESPONSE_FORMAT), key, first, retry, moreRules);
    }

    private Procedure generate(ModelCalls calls, String key, List<ChatMessage> first,
                               BiFunction<String, List<String>, List<ChatMessage>> retry, Function<Procedure, List<String>> moreRules) {
        List<ChatMessage> messages = first;
        List<String> problems = List.of();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            String reply = calls.call(messages);
            ProcedureReply read = ProcedureReplyReader.read(reply);
            problems = switch (read) {
                case ProcedureReply.Usable usable -> moreRules.apply(usable.procedure());
                case ProcedureReply.Unusable unusable -> unusable.problems();
            };
            if (problems.isEmpty() && read instanceof ProcedureReply.Usable usable) {
                log.info("Generated {} step(s) for {} on attempt {}", usable.procedure().steps().size(), key, attempt);
                return usable.procedure();
            }
            log.warn("Attempt {}/{} for {} returned an unusable procedure: {}", attempt, maxAttempts, key, String.join("; ", problems));
            messages = retry.apply(reply, problems);
        }
        throw new GenerationFailed("The model returned an invalid procedure " + maxAttempts + " times: " + String.join("; ", problems)
                + ". Generate again, add detail to the test case, or choose a more capable model with " + calls.modelSetting() + ".");
    }

    /** One bounded call in the given JSON schema; a failed call is reported as unavailable. */
    String call(List<ChatMessage> messages, ResponseFormat format) { return new ModelCalls(model, config, format).call(messages); }
}
