package dev.concierge.adapter.llm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import java.util.Map;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Every model call, registered as a listener on every model the adapter builds: {@code llm.calls} (latency by
 * provider, model and outcome: success or error), {@code llm.tokens} (input and output tokens), {@code llm.errors} (by error type), and
 * {@code llm.time.to.first.token} reported by the streaming handler. Tags stay few and bounded: the model name comes
 * from configuration (an answer's own name can carry a version suffix), errors by exception class.
 */
public final class LlmCallMetrics implements ChatModelListener {
    private static final String STARTED = "concierge.llm.started-nanos";
    private static final Logger CALLS = LoggerFactory.getLogger("concierge.llm");

    private final MeterRegistry registry;
    private final String provider;
    private final String configuredModel;

    public LlmCallMetrics(MeterRegistry registry, LlmConfig config) {
        this.registry = registry;
        this.provider = config.provider().name().toLowerCase(Locale.ROOT);
        this.configuredModel = config.model();
    }

    /** Meters kept in memory only, for models built outside the application's wiring (tests). */
    public static LlmCallMetrics inMemory(LlmConfig config) { return new LlmCallMetrics(new SimpleMeterRegistry(), config); }

    @Override public void onRequest(ChatModelRequestContext context) {
        context.attributes().put(STARTED, System.nanoTime());
    }

    @Override public void onResponse(ChatModelResponseContext context) {
        record(context.attributes().get(STARTED), "success");
        TokenUsage usage = context.chatResponse() == null ? null : context.chatResponse().tokenUsage();
        if (usage != null) {
            tokens("input", usage.inputTokenCount());
            tokens("output", usage.outputTokenCount());
        }
        logCall(context.attributes().get(STARTED), "success", usage);
    }

    @Override public void onError(ChatModelErrorContext context) {
        record(context.attributes().get(STARTED), "error");
        logCall(context.attributes().get(STARTED), "error", null);
        Throwable error = context.error();
        Counter.builder("llm.errors").description("Failed model calls by error type")
                .tag("provider", provider).tag("model", configuredModel)
                .tag("error", error == null ? "unknown" : error.getClass().getSimpleName())
                .register(registry).increment();
    }

    /** From the streamed request's start to its first token. */
    public void firstToken(Duration elapsed) {
        Timer.builder("llm.time.to.first.token").description("Time from a streamed model call to its first token")
                .tag("provider", provider).tag("model", configuredModel)
                .publishPercentileHistogram().register(registry).record(elapsed);
    }

    private void record(Object started, String outcome) {
        if (!(started instanceof Long nanos)) return;
        Timer.builder("llm.calls").description("Model calls by provider, model and outcome")
                .tag("provider", provider).tag("model", configuredModel).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry).record(System.nanoTime() - nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * One line per model call on logger {@code concierge.llm} (fields llmProvider, llmModel, llmOutcome, llmLatencyMs,
     * llmInputTokens, llmOutputTokens): the log archive's "LLM calls by model" query reads them.
     */
    private void logCall(Object started, String outcome, TokenUsage usage) {
        if (!CALLS.isInfoEnabled()) return;
        Map<String, String> before = MDC.getCopyOfContextMap();
        try {
            MDC.put("llmProvider", provider);
            MDC.put("llmModel", configuredModel);
            MDC.put("llmOutcome", outcome);
            if (started instanceof Long nanos) MDC.put("llmLatencyMs", Long.toString((System.nanoTime() - nanos) / 1_000_000));
            if (usage != null && usage.inputTokenCount() != null) MDC.put("llmInputTokens", usage.inputTokenCount().toString());
            if (usage != null && usage.outputTokenCount() != null) MDC.put("llmOutputTokens", usage.outputTokenCount().toString());
            CALLS.info("model call {} {}: {}", provider, configuredModel, outcome);
        } catch (RuntimeException ignored) {
            // a log line never fails a model call
        } finally {
            if (before == null) MDC.clear(); else MDC.setContextMap(before);
        }
    }

    private void tokens(String direction, Integer count) {
        if (count == null || count < 0) return;
        Counter.builder("llm.tokens").description("Tokens sent to and received from the model")
                .tag("provider", provider).tag("model", configuredModel).tag("direction", direction)
                .register(registry).increment(count);
    }
}
