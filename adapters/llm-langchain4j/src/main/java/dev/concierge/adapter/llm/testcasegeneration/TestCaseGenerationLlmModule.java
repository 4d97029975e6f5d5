package dev.concierge.adapter.llm.testcasegeneration;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.adapter.llm.LlmCallMetrics;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmReachability;
import dev.concierge.domain.testcasegeneration.port.out.CaseGenerator;
import dev.concierge.domain.testcasegeneration.port.out.GenerationModelStatus;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureReviewer;
import dev.concierge.domain.testcasegeneration.port.out.StepRewriter;
import dev.concierge.domain.testcasegeneration.port.out.TextEmbedder;

/** Test-case generation's model adapters; needs the {@link LlmConfig} and {@link LlmReachability} bound by {@code LlmModule}. */
public final class TestCaseGenerationLlmModule extends AbstractModule {
    private final String embeddingModel;

    public TestCaseGenerationLlmModule() { this(LangchainTextEmbedder.AUTO); }

    /** {@code embeddingModel}: the provider's embedding model for the duplicates check, or {@code auto}. */
    public TestCaseGenerationLlmModule(String embeddingModel) { this.embeddingModel = embeddingModel; }

    @Provides @Singleton TextEmbedder textEmbedder(LlmConfig config) { return LangchainTextEmbedder.from(config, embeddingModel); }

    @Provides @Singleton LangchainProcedureGenerator langchainProcedureGenerator(LlmConfig config, LlmCallMetrics metrics, LlmCallTraces traces) {
        return LangchainProcedureGenerator.from(config, metrics, traces);
    }

    @Provides @Singleton CaseGenerator caseGenerator(LlmConfig config, LlmCallMetrics metrics, LlmCallTraces traces) {
        return new LangchainCaseGenerator(StructuredOutputChatModels.forConfig(config, metrics, traces), config,
                LangchainProcedureGenerator.MAX_ATTEMPTS);
    }

    @Provides @Singleton ProcedureGenerator procedureGenerator(LangchainProcedureGenerator generator) { return generator; }

    @Provides @Singleton StepRewriter stepRewriter(LangchainProcedureGenerator generator) { return new LangchainStepRewriter(generator); }

    /** Bound always; whether generations use it is the setting the bootstrap reads. */
    @Provides @Singleton ProcedureReviewer procedureReviewer(LangchainProcedureGenerator generator) {
        return new LangchainProcedureReviewer(generator);
    }

    @Provides @Singleton GenerationModelStatus generationModelStatus(LlmReachability reachability) {
        return new ProbingGenerationModelStatus(reachability);
    }
}
