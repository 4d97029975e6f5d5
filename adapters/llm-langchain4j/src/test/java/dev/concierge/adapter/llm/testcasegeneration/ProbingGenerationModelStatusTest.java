package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmReachability;
import dev.concierge.adapter.llm.LlmWireFixture;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProbingGenerationModelStatusTest {

    @Test void a_reachable_model_with_the_configured_name_is_available() {
        try (LlmWireFixture llm = LlmWireFixture.start()) {
            var status = new ProbingGenerationModelStatus(new LlmReachability(llm.config(LlmConfig.Provider.OLLAMA, "qwen2.5:7b", Duration.ofSeconds(5))));

            assertThat(status.unavailableReason()).isEmpty();
        }
    }

    @Test void with_nothing_listening_the_reason_names_the_url_and_what_to_start_or_set() {
        var config = new LlmConfig(LlmConfig.Provider.OLLAMA, URI.create("http://127.0.0.1:9"), "qwen2.5:7b", Optional.empty(),
                URI.create("https://api.openai.com/v1"), "gpt-4o-mini", Duration.ofSeconds(5));

        var reason = new ProbingGenerationModelStatus(new LlmReachability(config)).unavailableReason();

        assertThat(reason).hasValueSatisfying(r -> assertThat(r).contains("http://127.0.0.1:9").contains("start Ollama").contains("LLM_PROVIDER=openai"));
    }

    @Test void the_answer_is_reused_briefly_then_probed_again() {
        AtomicLong now = new AtomicLong();
        try (LlmWireFixture llm = LlmWireFixture.start()) {
            var status = new ProbingGenerationModelStatus(new LlmReachability(llm.config(LlmConfig.Provider.OLLAMA, "qwen2.5:7b",
                    Duration.ofSeconds(5))), now::get);

            status.unavailableReason();
            status.unavailableReason();
            now.addAndGet(ProbingGenerationModelStatus.REUSE.toNanos() + 1);
            status.unavailableReason();

            assertThat(llm.requests()).filteredOn(r -> r.path().equals("/api/tags")).hasSize(2);
        }
    }
}
