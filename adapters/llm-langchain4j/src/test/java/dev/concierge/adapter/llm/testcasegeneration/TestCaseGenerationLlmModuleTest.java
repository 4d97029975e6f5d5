package dev.concierge.adapter.llm.testcasegeneration;

import com.google.inject.Guice;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmModule;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.port.out.GenerationModelStatus;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestCaseGenerationLlmModuleTest {

    @Test void the_injector_provides_one_generator_built_from_the_configured_model() {
        try (LlmWireFixture llm = LlmWireFixture.start()) {
            var injector = Guice.createInjector(
                    new LlmModule(llm.config(LlmConfig.Provider.OLLAMA, "llama3.2", Duration.ofSeconds(5))),
                    new TestCaseGenerationLlmModule());

            ProcedureGenerator generator = injector.getInstance(ProcedureGenerator.class);

            assertThat(injector.getInstance(ProcedureGenerator.class)).isSameAs(generator);
            assertThat(generator.generate(new ProcedureGenerator.Request("K-1", "Title", "", "", "", "", Language.EN, Optional.empty()))
                    .steps()).isNotEmpty();
            assertThat(llm.chatRequests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/api/chat"));
        }
    }

    @Test void the_injector_provides_the_model_status_from_the_reachability_probe() {
        try (LlmWireFixture llm = LlmWireFixture.start()) {
            var injector = Guice.createInjector(
                    new LlmModule(llm.config(LlmConfig.Provider.OLLAMA, "not-pulled", Duration.ofSeconds(5))),
                    new TestCaseGenerationLlmModule());

            assertThat(injector.getInstance(GenerationModelStatus.class).unavailableReason())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("not-pulled").contains("OLLAMA_MODEL"));
        }
    }
}
