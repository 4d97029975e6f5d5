package dev.concierge.adapter.llm.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmModule;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every model call the adapter makes lands in the bound registry, on both wire protocols. */
class LlmCallMetricsTest {

    @ParameterizedTest @EnumSource(LlmConfig.Provider.class)
    void a_streamed_turn_records_latency_time_to_first_token_tokens_and_a_failed_one_its_error(LlmConfig.Provider provider) {
        try (LlmWireFixture llm = LlmWireFixture.start()) {
            MeterRegistry registry = new SimpleMeterRegistry();
            InMemoryConversations conversations = new InMemoryConversations();
            TripAssistant assistant = wiredAssistant(llm, provider, registry, conversations);
            ConversationId conversation = conversations.create(new TripId(1), new UserId("aiko"), "Osaka", Clock.systemUTC().instant()).id();
            String name = provider.name().toLowerCase(Locale.ROOT);

            assistant.reply(turn(conversation, "Hello"), new RecordingToolbox(), conversations.memoryOf(conversation), new RecordingListener());

            assertThat(registry.get("llm.calls").tags("provider", name, "model", "llama3.2", "outcome", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get("llm.time.to.first.token").tags("provider", name).timer().count()).isEqualTo(1);
            assertThat(registry.get("llm.tokens").tags("provider", name, "direction", "input").counter().count()).isPositive();
            assertThat(registry.get("llm.tokens").tags("provider", name, "direction", "output").counter().count()).isPositive();
            assertThat(registry.find("llm.errors").counters()).isEmpty();

            llm.enqueue(Answer.httpError(500), Answer.httpError(500));
            assertThatThrownBy(() -> assistant.reply(turn(conversation, "Again"), new RecordingToolbox(), conversations.memoryOf(conversation),
                    new RecordingListener()))
                    .isInstanceOf(Unavailable.class);

            assertThat(registry.get("llm.calls").tags("provider", name, "outcome", "error").timer().count()).isPositive();
            assertThat(registry.get("llm.errors").tags("provider", name, "model", "llama3.2").counters())
                    .isNotEmpty().allSatisfy(counter -> assertThat(counter.getId().getTag("error")).isNotBlank());
        }
    }

    /** The assistant as the application wires it, its meters in {@code registry}. */
    private static TripAssistant wiredAssistant(LlmWireFixture llm, LlmConfig.Provider provider, MeterRegistry registry,
                                                InMemoryConversations conversations) {
        Injector injector = Guice.createInjector(new LlmModule(llm.config(provider, "llama3.2", Duration.ofSeconds(5))),
                new TripSupportLlmModule(), new AbstractModule() {
                    @Override protected void configure() {
                        bind(MeterRegistry.class).toInstance(registry);
                        bind(Clock.class).toInstance(Clock.systemUTC());
                    }
                });
        return injector.getInstance(TripAssistant.class);
    }

    private static TripAssistant.Turn turn(ConversationId conversation, String text) {
        return new TripAssistant.Turn(conversation, Language.EN, LocalDate.of(2026, 11, 23), "Osaka trip", text);
    }
}
