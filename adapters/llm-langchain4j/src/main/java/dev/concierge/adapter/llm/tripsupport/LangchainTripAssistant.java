package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.adapter.llm.BoundedChatCall;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmFailure;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.tripsupport.model.ConversationId;
import dev.concierge.domain.tripsupport.port.out.ConversationRepository;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The trip assistant on a langchain4j chat model. One turn: the window of the conversation's memory plus the user's
 * message go to the model with the trip tools; tool calls run against the turn's {@link TripAssistant.Toolbox} (at
 * most {@code maxToolCalls} per turn) and their results go back, until the model answers in text, streamed token by
 * token. Memory is a {@link MessageWindowChatMemory} over {@link ConversationMemoryStore}: the whole history is kept,
 * the last {@code memoryMessages} are sent.
 * <p>
 * The caller has stored the user's message; this adds what the turn adds. When the first call fails before anything
 * was streamed or stored, {@code reply} throws {@link Unavailable} and the caller takes the turn back; a failure after
 * that ends the turn through {@link TripAssistant.Listener#failed}, keeping what happened (the tool calls made
 * proposals the user can see).
 */
final class LangchainTripAssistant implements TripAssistant {
    private static final Logger log = LoggerFactory.getLogger(LangchainTripAssistant.class);
    /** Conversations whose last turn is remembered for anticipation, the most recently answered ones. */
    static final int REMEMBERED_CONVERSATIONS = 64;

    private final TripChatModels models;
    private final LlmConfig config;
    private final ConversationRepository conversations;
    private final Clock clock;
    private final AssistantLimits limits;
    /** Per conversation, how this instance's last turn in it ended: what the next turn's first call will most likely be. */
    private final Map<ConversationId, Expected> expected = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<ConversationId, Expected> eldest) { return size() > REMEMBERED_CONVERSATIONS; }
    });

    LangchainTripAssistant(TripChatModels models, LlmConfig config, ConversationRepository conversations, Clock clock, AssistantLimits limits) {
        this.models = Objects.requireNonNull(models, "models");
        this.config = Objects.requireNonNull(config, "config");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override public void reply(Turn turn, Toolbox toolbox, Listener listener) { reply(turn, toolbox, listener, Anticipation.NONE); }

    @Override public void reply(Turn turn, Toolbox toolbox, Listener listener, Anticipation anticipation) {
        TurnEnd end = new TurnEnd(listener);
        expected.remove(turn.conversation()); // known again only once this turn has completed
        try (var traced = MDC.putCloseable(LlmCallTraces.CONVERSATION, String.valueOf(turn.conversation().value()))) {
            converse(turn, new TripTools(toolbox, turn.language()), end, anticipation);
        } catch (Unavailable e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Assistant turn in conversation {} failed", turn.conversation(), e);
            end.failed("The assistant failed unexpectedly (" + e.getClass().getSimpleName() + ") — send your message again; "
                    + "if it keeps failing, the application log has the details.");
        } finally {
            anticipation.close();
        }
    }

    /**
     * Starts the first call of the turn this message most likely opens, from this conversation's system prompt and
     * window as this instance last left them, so the model starts while the caller claims the turn. Only for Ollama:
     * abandoning it closes the connection at once, and a local model's wasted start costs no money. A turn that used
     * tools is not anticipated: their arguments come back from the database in its own JSON spelling, so the next
     * request would differ anyway.
     */
    @Override public Anticipation anticipate(UserId owner, ConversationId conversation, String userMessage) {
        if (config.provider() != LlmConfig.Provider.OLLAMA) return Anticipation.NONE;
        Expected last = expected.get(conversation);
        // Someone else's message (the claim will refuse it) starts nothing; the sender is noted for the next turn.
        if (last == null || !last.owner().equals(owner)) return new Declined(owner);
        ChatMemory memory = MessageWindowChatMemory.builder().id(conversation).maxMessages(limits.memoryMessages()).build();
        last.window().forEach(memory::add);
        memory.add(UserMessage.from(userMessage));
        Anticipated anticipated = new Anticipated(owner, request(last.system(), memory.messages(), limits.maxToolCalls() > 0));
        anticipated.start();
        return anticipated;
    }

    private void converse(Turn turn, TripTools tools, TurnEnd end, Anticipation anticipation) {
        ChatMemory memory = MessageWindowChatMemory.builder().id(turn.conversation()).maxMessages(limits.memoryMessages())
                .chatMemoryStore(new ConversationMemoryStore(conversations, clock, turn.history())).build();
        SystemMessage system = SystemMessage.from(AssistantPrompt.system(turn, limits.maxToolCalls()));
        List<ChatMessage> window = memory.messages(); // the history the turn came with: no read before the first call
        if (!endsWithQuestion(window, turn.userMessage())) {
            memory.add(UserMessage.from(turn.userMessage())); // the port has the caller store it; a caller that did not still gets memory
            window = memory.messages();
        }
        int toolCalls = 0;
        // Each round either answers or spends tool calls; the extra rounds let the model answer once the budget is spent.
        for (int round = 0; round <= limits.maxToolCalls() + 1; round++) {
            boolean offerTools = toolCalls < limits.maxToolCalls();
            Reply reply = ask(request(system, round == 0 ? window : memory.messages(), offerTools), offerTools, end,
                    round == 0 ? anticipation : Anticipation.NONE);
            if (reply instanceof Reply.Failed failed) {
                if (round == 0 && !end.hasShownText()) throw new Unavailable("llm_unavailable", failed.message());
                end.failed(failed.message());
                return;
            }
            AiMessage answer = ((Reply.Answered) reply).message();
            if (!answer.hasToolExecutionRequests()) {
                memory.add(AiMessage.from(answer.text() == null ? "" : answer.text()));
                if (toolCalls == 0 && anticipation instanceof Announced announced) {
                    expected.put(turn.conversation(), new Expected(announced.owner(), system, memory.messages()));
                }
                end.completed();
                return;
            }
            List<ToolExecutionRequest> calls = answer.toolExecutionRequests().stream().map(LangchainTripAssistant::withId).toList();
            memory.add(AiMessage.from(answer.text(), calls));
            for (ToolExecutionRequest call : calls) {
                String result;
                if (toolCalls < limits.maxToolCalls()) {
                    toolCalls++;
                    result = models.traces().toolCall(call.name(), call.id(), call.arguments(), () -> tools.run(call).text());
                } else {
                    result = AssistantPrompt.toolBudgetSpent(turn.language(), limits.maxToolCalls());
                }
                end.toolUsed(call.name(), result);
                memory.add(ToolExecutionResultMessage.from(call, result));
            }
        }
        log.warn("The model kept calling tools in conversation {} after its budget of {} was spent", turn.conversation(), limits.maxToolCalls());
        end.failed("The assistant kept asking for tools instead of answering (at most " + limits.maxToolCalls()
                + " per message) — ask again, more specifically, or choose a more capable model with " + modelSetting() + ".");
    }

    private static ChatRequest request(SystemMessage system, List<ChatMessage> window, boolean offerTools) {
        List<ChatMessage> messages = new ArrayList<>(window.size() + 1);
        messages.add(system);
        messages.addAll(window);
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (offerTools) request.toolSpecifications(TripTools.SPECIFICATIONS);
        return request.build();
    }

    private static boolean endsWithQuestion(List<ChatMessage> messages, String question) {
        return !messages.isEmpty() && messages.getLast() instanceof UserMessage last && last.hasSingleText()
                && last.singleText().equals(question);
    }

    /** The model's answer, streamed; if streaming breaks with tools on this provider, the same request not streamed. */
    private Reply ask(ChatRequest request, boolean toolsOffered, TurnEnd end, Anticipation anticipation) {
        Streamed streamed = stream(request, end, anticipation);
        if (streamed.reply() instanceof Reply.Failed failed && toolsOffered && !streamed.tokensShown()
                && (failed.kind() == LlmFailure.Kind.REQUEST_REJECTED || failed.kind() == LlmFailure.Kind.OTHER)) {
            log.warn("Streaming with tools failed at {} ({}); asking again without streaming", config.baseUrl(), failed.message());
            return askWhole(request, end);
        }
        return streamed.reply();
    }

    private record Streamed(Reply reply, boolean tokensShown) {}

    /**
     * Streams the answer to {@code request}, taking over {@code anticipation}'s call when it asked exactly that. The
     * call runs on this thread (the Ollama transport blocks; see {@link dev.concierge.adapter.llm.BlockingHttpClient})
     * or on its own (an adopted anticipation, or a provider whose client is asynchronous), so this waits for it to end
     * and watches for a stream that stopped coming.
     */
    private Streamed stream(ChatRequest request, TurnEnd end, Anticipation anticipation) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        boolean shownBefore = end.hasShownText();
        AtomicBoolean firstToken = new AtomicBoolean(true);
        AtomicLong asked = new AtomicLong(System.nanoTime());
        StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
            @Override public void onPartialResponse(String text) { forward(text, null); }

            @Override public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.set(context.streamingHandle());
                forward(partial.text(), context.streamingHandle());
            }

            private void forward(String text, StreamingHandle streaming) {
                lastActivity.set(System.nanoTime());
                if (firstToken.getAndSet(false)) models.metrics().firstToken(Duration.ofNanos(System.nanoTime() - asked.get()));
                if (!end.token(text) && streaming != null) streaming.cancel();
            }

            // a tool call's arguments or a thinking block stream too: that is the model at work, not a stall
            @Override public void onPartialToolCall(PartialToolCall partialToolCall) { lastActivity.set(System.nanoTime()); }

            @Override public void onPartialThinking(PartialThinking partialThinking) { lastActivity.set(System.nanoTime()); }

            @Override public void onCompleteResponse(ChatResponse response) { done.complete(response); }

            @Override public void onError(Throwable error) { done.completeExceptionally(error); }
        };
        Anticipated adopted = anticipation instanceof Anticipated started && started.adopt(request, handler) ? started : null;
        if (adopted != null) {
            asked.set(adopted.startedAt);
        } else {
            anticipation.close();
            models.streaming().chat(request, handler);
        }
        long idleLimit = config.requestTimeout().plus(BoundedChatCall.DEADLINE_GRACE).toNanos(); // a stream that stalls after its headers
        try {
            while (true) {
                long waited = System.nanoTime() - lastActivity.get();
                if (waited >= idleLimit) {
                    Throwable cancelled = cancel(handle.get());
                    if (cancelled != null) log.debug("Cancelling a stalled stream failed", cancelled);
                    return new Streamed(failed(ChatFailures.timedOut(config, ChatFailures.CHAT_AGAIN), null), end.hasShownText() && !shownBefore);
                }
                try {
                    ChatResponse response = done.get(idleLimit - waited, TimeUnit.NANOSECONDS);
                    return new Streamed(answered(response), end.hasShownText() && !shownBefore);
                } catch (TimeoutException idle) {
                    // tokens may have arrived meanwhile: measure the silence again
                }
            }
        } catch (ExecutionException e) {
            return new Streamed(failed(ChatFailures.ofChat(e.getCause(), config), e.getCause()), end.hasShownText() && !shownBefore);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(handle.get());
            if (adopted != null) adopted.abort();
            return new Streamed(new Reply.Failed(LlmFailure.Kind.OTHER, ChatFailures.interrupted()), true);
        }
    }

    private Reply askWhole(ChatRequest request, TurnEnd end) {
        return switch (BoundedChatCall.run(models.blocking(), request, config, "llm-trip-assistant-call")) {
            case BoundedChatCall.Ending.Answered whole -> {
                Reply reply = answered(whole.response());
                if (reply instanceof Reply.Answered answered) end.token(answered.message().text());
                yield reply;
            }
            case BoundedChatCall.Ending.TimedOut timedOut -> failed(ChatFailures.timedOut(config, ChatFailures.CHAT_AGAIN), null);
            case BoundedChatCall.Ending.Failed failed -> failed(ChatFailures.ofChat(failed.cause(), config), failed.cause());
            case BoundedChatCall.Ending.Interrupted interrupted -> new Reply.Failed(LlmFailure.Kind.OTHER, ChatFailures.interrupted());
        };
    }

    private Reply answered(ChatResponse response) {
        if (response == null || response.aiMessage() == null) {
            return new Reply.Failed(LlmFailure.Kind.OTHER, "The LLM at " + config.baseUrl() + " sent an empty answer — send your message again.");
        }
        return new Reply.Answered(response.aiMessage());
    }

    private Reply.Failed failed(LlmFailure failure, Throwable cause) {
        if (cause == null || failure.kind() != LlmFailure.Kind.OTHER) log.warn("Assistant call failed ({}): {}", failure.kind(), failure.message());
        else log.warn("Assistant call failed: {}", failure.message(), cause);
        return new Reply.Failed(failure.kind(), failure.message());
    }

    private static Throwable cancel(StreamingHandle handle) {
        if (handle == null) return null;
        try {
            handle.cancel();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Some providers (Ollama among them) may leave a call without an id; results must answer their call by one. */
    private static ToolExecutionRequest withId(ToolExecutionRequest call) {
        if (call.id() != null && !call.id().isBlank()) return call;
        return ToolExecutionRequest.builder().id("call_" + UUID.randomUUID().toString().substring(0, 8)).name(call.name())
                .arguments(call.arguments()).build();
    }

    private String modelSetting() { return config.provider() == LlmConfig.Provider.OLLAMA ? "OLLAMA_MODEL" : "OPENAI_MODEL"; }

    /** Whom a conversation's last turn here answered, and the system prompt and window it ended with. */
    private record Expected(UserId owner, SystemMessage system, List<ChatMessage> window) {
        Expected { window = List.copyOf(window); }
    }

    /** What {@code anticipate} answers for Ollama, started or not: who sent the message, for the next turn's expectation. */
    private sealed interface Announced extends Anticipation permits Declined, Anticipated {
        UserId owner();
    }

    /** Nothing started for this message; it only says who sent it, so the turn can be anticipated next time. */
    record Declined(UserId owner) implements Announced {
        @Override public void close() {}
    }

    /**
     * A first call started before its turn was claimed. Its events wait here until the turn's reply adopts it (then
     * they reach the reply's handler in order, and later ones as they come) or it is abandoned: then nothing reaches
     * anyone and the call's virtual thread is interrupted, which closes its connection, so the model stops.
     */
    private final class Anticipated implements Announced, StreamingChatResponseHandler {
        private final ChatRequest request;
        private final UserId owner;
        final long startedAt = System.nanoTime();
        private final Thread thread;
        private final List<Consumer<StreamingChatResponseHandler>> held = new ArrayList<>();
        /** A ReentrantLock: the call's virtual thread waits on it without holding its carrier. */
        private final ReentrantLock lock = new ReentrantLock();
        private StreamingChatResponseHandler adopter; // guarded by lock
        private boolean abandoned; // guarded by lock

        Anticipated(UserId owner, ChatRequest request) {
            this.owner = owner;
            this.request = request;
            this.thread = Thread.ofVirtual().name("llm-anticipation").unstarted(() -> {
                try {
                    models.streaming().chat(request, this);
                } catch (RuntimeException e) {
                    onError(e);
                }
            });
        }

        @Override public UserId owner() { return owner; }

        void start() { thread.start(); }

        /** Takes the call over for {@code handler} if it asked exactly {@code actual}; false if it did not, or was abandoned. */
        boolean adopt(ChatRequest actual, StreamingChatResponseHandler handler) {
            lock.lock();
            try {
                if (abandoned || adopter != null || !request.equals(actual)) return false;
                adopter = handler;
                held.forEach(event -> event.accept(handler));
                held.clear();
                return true;
            } finally {
                lock.unlock();
            }
        }

        /** Abandons the call unless it was adopted. */
        @Override public void close() {
            lock.lock();
            try {
                if (adopter != null || abandoned) return;
                abandoned = true;
                held.clear();
            } finally {
                lock.unlock();
            }
            thread.interrupt();
        }

        /** Ends an adopted call whose turn was interrupted (the app is stopping); its handler hears of it as an error. */
        void abort() { thread.interrupt(); }

        private void deliver(Consumer<StreamingChatResponseHandler> event) {
            StreamingChatResponseHandler to;
            lock.lock();
            try {
                if (abandoned) return;
                if (adopter == null) {
                    held.add(event);
                    return;
                }
                to = adopter;
            } finally {
                lock.unlock();
            }
            event.accept(to);
        }

        @Override public void onPartialResponse(String text) { deliver(h -> h.onPartialResponse(text)); }

        @Override public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            deliver(h -> h.onPartialResponse(partial, context));
        }

        @Override public void onPartialThinking(PartialThinking thinking) { deliver(h -> h.onPartialThinking(thinking)); }

        @Override public void onPartialThinking(PartialThinking thinking, PartialThinkingContext context) {
            deliver(h -> h.onPartialThinking(thinking, context));
        }

        @Override public void onPartialToolCall(PartialToolCall call) { deliver(h -> h.onPartialToolCall(call)); }

        @Override public void onPartialToolCall(PartialToolCall call, PartialToolCallContext context) {
            deliver(h -> h.onPartialToolCall(call, context));
        }

        @Override public void onCompleteToolCall(CompleteToolCall call) { deliver(h -> h.onCompleteToolCall(call)); }

        @Override public void onCompleteResponse(ChatResponse response) { deliver(h -> h.onCompleteResponse(response)); }

        @Override public void onError(Throwable error) { deliver(h -> h.onError(error)); }
    }

    private sealed interface Reply {
        record Answered(AiMessage message) implements Reply {}

        record Failed(LlmFailure.Kind kind, String message) implements Reply {}
    }
}
