package dev.concierge.adapter.llm.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmModule;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TripSupportLlmModuleTest {

    @Test void the_module_binds_an_assistant_that_answers_through_the_configured_model_and_a_drafter() {
        try (LlmWireFixture llm = LlmWireFixture.start()) {
            InMemoryConversations conversations = new InMemoryConversations();
            Injector injector = Guice.createInjector(new LlmModule(llm.config(LlmConfig.Provider.OLLAMA, "llama3.2", Duration.ofSeconds(5))),
                    new TripSupportLlmModule(), new AbstractModule() {
                        @Override protected void configure() {
                            bind(Clock.class).toInstance(Clock.systemUTC());
                        }
                    });
            ConversationId conversation = conversations.create(new TripId(1), new UserId("aiko"), "Osaka", Clock.systemUTC().instant()).id();
            RecordingListener listener = new RecordingListener();

            listener.ended(injector.getInstance(TripAssistant.class).reply(new TripAssistant.Turn(conversation, Language.EN,
                    LocalDate.of(2026, 11, 23), "Osaka trip", "Hello"), new RecordingToolbox(), conversations.memoryOf(conversation), listener));

            assertThat(listener.completions).singleElement().asString().startsWith("Simulated answer about \"Hello\"");
            assertThat(injector.getInstance(TripAssistant.class)).isSameAs(injector.getInstance(TripAssistant.class));
            assertThat(injector.getInstance(TripDrafter.class)).isInstanceOf(LangchainTripDrafter.class);
        }
    }
}
