package dev.concierge.adapter.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.opentelemetry.context.Context;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One blocking model call on a virtual thread of its own, given up {@link #DEADLINE_GRACE} after the LLM timeout:
 * langchain4j's own timeout should fire first, and this also covers a reply that stalls after its headers. Each caller
 * turns the {@link Ending} into its own error (a job to retry later, a draft to ask for again, a chat turn's message).
 */
public final class BoundedChatCall {
    public static final Duration DEADLINE_GRACE = Duration.ofSeconds(1);

    public sealed interface Ending {
        record Answered(ChatResponse response) implements Ending {
            /** The reply's text; empty when the model sent none. */
            public String text() {
                String text = response.aiMessage() == null ? null : response.aiMessage().text();
                return text == null ? "" : text;
            }
        }

        record TimedOut() implements Ending {}

        /** The call failed: unreachable, an HTTP error, an unknown model… */
        record Failed(Throwable cause) implements Ending {}

        /** The waiting thread was interrupted (the app may be stopping); its interrupt flag is set again. */
        record Interrupted() implements Ending {}
    }

    private BoundedChatCall() {}

    public static Ending run(ChatModel model, ChatRequest request, LlmConfig config, String threadName) {
        FutureTask<ChatResponse> call = new FutureTask<>(() -> model.chat(request));
        // the caller's trace and logging context (conversation, job) go with the call, for its span and log lines
        Map<String, String> diagnostics = MDC.getCopyOfContextMap();
        Thread.ofVirtual().name(threadName).start(Context.current().wrap(() -> {
            if (diagnostics != null) MDC.setContextMap(diagnostics);
            call.run();
        }));
        try {
            return new Ending.Answered(call.get(config.requestTimeout().plus(DEADLINE_GRACE).toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Ending.TimedOut();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) throw error;
            return new Ending.Failed(e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Ending.Interrupted();
        }
    }
}
