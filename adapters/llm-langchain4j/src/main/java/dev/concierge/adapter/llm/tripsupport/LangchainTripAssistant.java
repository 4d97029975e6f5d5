package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmFailure;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The trip assistant on langchain4j's standard path: an {@link AiServices} assistant per turn with a streaming chat
 * model, the turn's {@link TripTools} and a {@link MessageWindowChatMemory} over the domain's conversation memory (the
 * whole history kept, the last {@code memoryMessages} sent). langchain4j runs the tool calls and the rounds; this class
 * waits for the answer on the caller's thread and is the one place that watches a stalled model: a turn with no sign
 * of life (a token, a tool call streaming or running) for the LLM timeout ends.
 * <p>
 * When the model fails before anything was streamed or any tool ran, {@code reply} throws {@link Unavailable} and the
 * caller takes the turn back; a failure after that ends the turn with a failure code, keeping what happened (the tool
 * calls made proposals the user can see).
 */
final class LangchainTripAssistant implements TripAssistant {
    private static final Logger log = LoggerFactory.getLogger(LangchainTripAssistant.class);

    /**
     * What langchain4j implements for a turn: the user's message in, the answer streamed out. The message is passed as
     * content, not as a String, because AiServices renders a String argument as a prompt template: a user typing
     * {@code {{name}}} would otherwise fail the turn.
     */
    interface Assistant {
        TokenStream chat(TextContent userMessage);
    }

    private final TripChatModels models;
    private final LlmConfig config;
    private final Clock clock;
    private final AssistantLimits limits;

    LangchainTripAssistant(TripChatModels models, LlmConfig config, Clock clock, AssistantLimits limits) {
        this.models = Objects.requireNonNull(models, "models");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override public Ending reply(Turn turn, Toolbox toolbox, Memory memory, Consumer<String> tokens) {
        AtomicBoolean over = new AtomicBoolean();
        Assistant assistant = AiServices.builder(Assistant.class)
                .streamingChatModel(models.streaming())
                .chatMemory(MessageWindowChatMemory.builder().id(turn.conversation()).maxMessages(limits.memoryMessages())
                        .chatMemoryStore(new ConversationMemoryStore(memory, clock, over::get)).build())
                .systemMessage(withoutTemplateBraces(AssistantPrompt.system(turn, limits.maxToolCalls())))
                .tools(new TripTools(toolbox))
                .maxToolCallingRoundTrips(limits.maxToolCalls())
                .hallucinatedToolNameStrategy(TripTools::unknown)
                .toolArgumentsErrorHandler(TripTools::badArguments)
                .toolExecutionErrorHandler(TripTools::failed)
                .build();
        String conversation = String.valueOf(turn.conversation().value());
        Watch watch = new Watch(over, tokens, conversation);
        // The stream starts on a thread of its own, so this one is always free to watch for a stall: when the model's
        // answer is back before langchain4j attaches its reader, the JDK client runs the reader at once, on the thread
        // that started the stream. Log lines and spans name the conversation, on that thread and on the stream's.
        Thread.ofVirtual().name("llm-turn-" + conversation).start(() -> {
            try (var traced = MDC.putCloseable(LlmCallTraces.CONVERSATION, conversation)) {
                start(assistant.chat(TextContent.from(turn.userMessage())), watch);
            } catch (RuntimeException | Error e) {
                watch.done.completeExceptionally(e);
            }
        });
        return watch.await(turn);
    }

    private static void start(TokenStream stream, Watch watch) {
        stream
                .onPartialResponseWithContext((partial, context) -> watch.token(partial.text(), context.streamingHandle()))
                .onPartialToolCall(partial -> watch.alive())
                .onPartialThinking(partial -> watch.alive())
                .beforeToolExecution(before -> watch.toolStarts(before.request()))
                .onToolExecuted(done -> watch.toolEnds(done.result(), done.hasFailed()))
                .onCompleteResponse(watch.done::complete)
                .onError(watch.done::completeExceptionally)
                .start();
    }

    /**
     * AiServices always renders the system message as a prompt template, and ours carries text users typed (trip
     * titles, notes): "{{" is broken up so it never reads as a template variable. Only the model's copy changes.
     */
    static String withoutTemplateBraces(String text) {
        return text.replace("{{", "{ {").replace("}}", "} }");
    }

    /**
     * One turn's stream as the caller's thread sees it. Events arrive one at a time on the thread reading the stream;
     * once the turn is over (answered, failed or given up), nothing more reaches the tokens or the memory.
     */
    private final class Watch {
        final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        private final AtomicBoolean over;
        private final Consumer<String> tokens;
        private final long asked = System.nanoTime();
        private final AtomicLong lastActivity = new AtomicLong(asked);
        private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        private final AtomicBoolean toolRunning = new AtomicBoolean();
        private final AtomicBoolean started = new AtomicBoolean(); // a token shown or a tool run: no longer "unavailable"
        private final StringBuilder shown = new StringBuilder(); // written by the stream's thread, read after `done`

        private final String conversation;
        private final AtomicReference<LlmCallTraces.ToolSpan> toolSpan = new AtomicReference<>();

        Watch(AtomicBoolean over, Consumer<String> tokens, String conversation) {
            this.over = over;
            this.tokens = tokens;
            this.conversation = conversation;
        }

        void alive() { lastActivity.set(System.nanoTime()); }

        void token(String text, StreamingHandle streaming) {
            alive();
            handle.set(streaming);
            if (over.get()) {
                streaming.cancel();
                return;
            }
            if (text == null || text.isEmpty()) return;
            started.set(true);
            if (shown.isEmpty()) models.metrics().firstToken(Duration.ofNanos(System.nanoTime() - asked));
            shown.append(text);
            tokens.accept(text);
        }

        /**
         * On the stream's thread, which runs the tool and then sends the next round: the conversation goes into its
         * logging context (a thread per stream, so it ends with it) for the tool's span and the next call's.
         */
        void toolStarts(ToolExecutionRequest call) {
            alive();
            started.set(true);
            toolRunning.set(true);
            MDC.put(LlmCallTraces.CONVERSATION, conversation);
            toolSpan.set(models.traces().toolStarted(call.name(), call.id(), call.arguments()));
        }

        void toolEnds(String result, boolean failed) {
            LlmCallTraces.ToolSpan span = toolSpan.getAndSet(null);
            if (span != null) span.ended(result, failed);
            toolRunning.set(false);
            alive();
        }

        Ending await(Turn turn) {
            long idleLimit = config.requestTimeout().toNanos();
            try {
                while (true) {
                    long waited = toolRunning.get() ? 0 : System.nanoTime() - lastActivity.get();
                    if (waited >= idleLimit) return end(LlmFailure.Kind.TIMED_OUT, null, turn);
                    try {
                        ChatResponse response = done.get(idleLimit - waited, TimeUnit.NANOSECONDS);
                        over.set(true);
                        String text = shown.toString();
                        if (text.isEmpty() && response.aiMessage() != null && response.aiMessage().text() != null) {
                            text = response.aiMessage().text(); // a provider that sent the answer whole
                            tokens.accept(text);
                        }
                        return new Ending.Answered(text);
                    } catch (TimeoutException idle) {
                        // tokens may have arrived meanwhile: measure the silence again
                    }
                }
            } catch (ExecutionException e) {
                return end(null, e.getCause(), turn);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                over.set(true);
                cancel();
                return new Ending.Failed("interrupted");
            }
        }

        private Ending end(LlmFailure.Kind timedOut, Throwable error, Turn turn) {
            over.set(true);
            cancel();
            LlmFailure failure = timedOut != null ? ChatFailures.timedOut(config, ChatFailures.CHAT_AGAIN) : ChatFailures.ofChat(error, config);
            if (!started.get()) throw new Unavailable("llm_unavailable", failure.message());
            if (error != null && isToolLoop(error)) {
                log.warn("The model kept calling tools in conversation {} (at most {} per message)", turn.conversation(), limits.maxToolCalls());
                return new Ending.Failed("tool_loop");
            }
            if (failure.kind() == LlmFailure.Kind.OTHER && error != null) log.warn("Assistant call failed: {}", failure.message(), error);
            else log.warn("Assistant call failed ({}): {}", failure.kind(), failure.message());
            return new Ending.Failed(failure.kind() == LlmFailure.Kind.TIMED_OUT ? "llm_timed_out" : "llm_failed");
        }

        private void cancel() {
            StreamingHandle streaming = handle.get();
            if (streaming == null) return;
            try {
                streaming.cancel();
            } catch (RuntimeException e) {
                log.debug("Cancelling a stream failed", e);
            }
        }
    }

    /** langchain4j ends a turn whose model keeps calling tools past {@code maxToolCallingRoundTrips} this way. */
    private static boolean isToolLoop(Throwable error) {
        return error.getMessage() != null && error.getMessage().contains("tool calling round trips");
    }
}
