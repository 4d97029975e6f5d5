package dev.concierge.adapter.llm.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmModule;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.adapter.llm.LlmWireFixture.Answer;
import dev.concierge.adapter.llm.OtlpReceiver;
import dev.concierge.adapter.llm.OtlpReceiver.ReceivedSpan;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.model.TripId;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real model calls (the wire fixture, each protocol) traced through the application's wiring and exported over
 * OTLP/HTTP to a local receiver: the spans carry the GenAI semantic conventions' attributes, tool calls have spans of
 * their own, the conversation, job and test case are named, and prompts and completions stay out unless asked for.
 */
class LlmCallTracesTest {

    @ParameterizedTest @EnumSource(LlmConfig.Provider.class)
    void a_chat_turn_with_a_tool_call_exports_the_tool_span_and_the_conversation_and_content_only_when_captured(LlmConfig.Provider provider) {
        try (LlmWireFixture llm = LlmWireFixture.start(); OtlpReceiver receiver = OtlpReceiver.start();
             OpenTelemetrySdk sdk = exportingTo(receiver)) {
            InMemoryConversations conversations = new InMemoryConversations();
            TripAssistant assistant = wired(llm, provider, sdk, true, conversations).getInstance(TripAssistant.class);
            ConversationId conversation = conversations.create(new TripId(1), new UserId("aiko"), "Osaka", Clock.systemUTC().instant()).id();
            llm.enqueue(Answer.toolCall("read_trip", "{}"));

            assistant.reply(new TripAssistant.Turn(conversation, Language.EN, LocalDate.of(2026, 11, 23), "Osaka trip",
                    "What is on my trip?"), new RecordingToolbox(), conversations.memoryOf(conversation), new RecordingListener());

            ReceivedSpan tool = receiver.await(span -> span.name().equals("execute_tool read_trip"));
            assertThat(tool.attributes())
                    .containsEntry("gen_ai.operation.name", "execute_tool")
                    .containsEntry("gen_ai.tool.name", "read_trip")
                    .containsEntry("gen_ai.tool.type", "function")
                    .containsEntry("gen_ai.conversation.id", Long.toString(conversation.value()))
                    .containsKey("gen_ai.tool.call.id");
            assertThat(tool.attribute("gen_ai.tool.call.result")).contains("Osaka sales");
            receiver.await(span -> span.name().equals("chat llama3.2") && "stop".equals(span.attribute("gen_ai.response.finish_reasons")));
            List<ReceivedSpan> chats = receiver.spans().stream().filter(span -> span.name().equals("chat llama3.2")).toList();
            assertThat(chats).hasSizeGreaterThanOrEqualTo(2).allSatisfy(chat -> assertThat(chat.attributes())
                    .containsEntry("gen_ai.conversation.id", Long.toString(conversation.value()))
                    .containsEntry("gen_ai.output.type", "text"));
            assertThat(chats).anySatisfy(chat -> assertThat(chat.attribute("gen_ai.response.finish_reasons")).isEqualTo("tool_calls"));
            assertThat(chats).allSatisfy(chat -> assertThat(chat.attribute("gen_ai.input.messages")).contains("What is on my trip?"));
            assertThat(chats).anySatisfy(chat -> assertThat(chat.attribute("gen_ai.output.messages")).contains("\"role\":\"assistant\""));
        }
    }

    private static OpenTelemetrySdk exportingTo(OtlpReceiver receiver) {
        return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.builder().put("service.name", "concierge-test").build()))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                        .setEndpoint(receiver.endpoint() + "/v1/traces").build()))
                .build()).build();
    }

    /** The adapter's modules as the application installs them, with tracing bound the way the bootstrap binds it. */
    private static Injector wired(LlmWireFixture llm, LlmConfig.Provider provider, OpenTelemetry openTelemetry, boolean captureContent,
                                  InMemoryConversations conversations) {
        LlmConfig config = llm.config(provider, "llama3.2", Duration.ofSeconds(5));
        return Guice.createInjector(new LlmModule(config), new TripSupportLlmModule(),
                new AbstractModule() {
                    @Override protected void configure() {
                        OptionalBinder.newOptionalBinder(binder(), LlmCallTraces.class).setBinding()
                                .toInstance(new LlmCallTraces(openTelemetry, config, captureContent));
                        bind(ConversationRepository.class).toInstance(conversations);
                        bind(Clock.class).toInstance(Clock.systemUTC());
                    }
                });
    }
}
