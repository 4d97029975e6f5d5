package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.domain.testcasegeneration.model.GeneratedCase;
import dev.concierge.domain.testcasegeneration.port.out.CaseGenerator;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator.GenerationFailed;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * Generates test cases for a requirement with the same discipline as procedures: JSON-schema mode, the domain's rules
 * as the gate, an unusable reply retried with its problems fed back up to {@code maxAttempts} calls, a failed call
 * reported as unavailable.
 */
final class LangchainCaseGenerator implements CaseGenerator {
    private static final Logger log = LoggerFactory.getLogger(LangchainCaseGenerator.class);

    private final ChatModel model;
    private final LlmConfig config;
    private final int maxAttempts;

    LangchainCaseGenerator(ChatModel model, LlmConfig config, int maxAttempts) {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        this.model = Objects.requireNonNull(model, "model");
        this.config = Objects.requireNonNull(config, "config");
        this.maxAttempts = maxAttempts;
    }

    @Override public Generated generate(Request request) {
        ModelCalls calls = new ModelCalls(model, config, CaseSchema.forRequirement(request.requirement()));
        List<ChatMessage> messages = CasePrompt.firstAttempt(request);
        List<String> problems = List.of();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            String reply = calls.call(messages);
            switch (CaseReplyReader.read(reply, request.requirement(), request.expected())) {
                case CaseReplyReader.Reply.Usable usable -> {
                    // Regenerating one case: a model that wrote more keeps its first.
                    List<GeneratedCase> cases = request.only().isPresent() ? usable.cases().subList(0, 1) : usable.cases();
                    log.info("Generated {} case(s) for requirement {} on attempt {}", cases.size(), request.requirement().reference(), attempt);
                    return new Generated(cases, calls.provenance(CasePrompt.VERSION, CaseSchema.VERSION));
                }
                case CaseReplyReader.Reply.Unusable unusable -> {
                    problems = unusable.problems();
                    log.warn("Attempt {}/{} for requirement {} returned unusable cases: {}", attempt, maxAttempts,
                            request.requirement().reference(), String.join("; ", problems));
                    messages = CasePrompt.retry(request, reply, problems);
                }
            }
        }
        throw new GenerationFailed("The model returned invalid test cases " + maxAttempts + " times: " + String.join("; ", problems)
                + ". Generate again, add detail to the requirement, or choose a more capable model with " + calls.modelSetting() + ".");
    }
}
