package dev.concierge.adapter.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.slf4j.MDC;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every model call as an OpenTelemetry span after the GenAI semantic conventions, registered as a langchain4j
 * {@link ChatModelListener} beside {@link LlmCallMetrics}: a client span {@code chat {model}} with
 * {@code gen_ai.operation.name}, {@code gen_ai.provider.name} (and the older {@code gen_ai.system}), the request's
 * model and parameters, the response's model, id and finish reasons, and token usage; tool calls get an
 * {@code execute_tool {name}} span from {@link #toolCall}. The conversation, generation job and test case a call
 * serves come from the logging context (MDC keys {@link #CONVERSATION}, {@link #JOB}, {@link #TEST_CASE}), so log
 * lines and spans name them alike. Prompt and completion text are recorded only when {@code captureContent} is on:
 * they hold what users typed.
 */
public final class LlmCallTraces implements ChatModelListener {
    public static final String CONVERSATION = "conversationId";
    public static final String JOB = "jobId";
    public static final String TEST_CASE = "testCaseId";
    public static final String INSTRUMENTATION = "dev.concierge.llm";

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<Double> REQUEST_TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    static final AttributeKey<Double> REQUEST_TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
    static final AttributeKey<Long> REQUEST_TOP_K = AttributeKey.longKey("gen_ai.request.top_k");
    static final AttributeKey<Long> REQUEST_MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    static final AttributeKey<String> OUTPUT_TYPE = AttributeKey.stringKey("gen_ai.output.type");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");
    static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("concierge.generation.job_id");
    static final AttributeKey<String> TEST_CASE_ID = AttributeKey.stringKey("concierge.test_case.id");
    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
    static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");
    static final AttributeKey<String> TOOL_ARGUMENTS = AttributeKey.stringKey("gen_ai.tool.call.arguments");
    static final AttributeKey<String> TOOL_RESULT = AttributeKey.stringKey("gen_ai.tool.call.result");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

    private static final String SPAN = "concierge.llm.span";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tracer tracer;
    private final LlmConfig config;
    private final String provider;
    private final boolean captureContent;

    public LlmCallTraces(OpenTelemetry openTelemetry, LlmConfig config, boolean captureContent) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.config = config;
        this.provider = config.provider() == LlmConfig.Provider.OPENAI ? "openai" : config.provider().name().toLowerCase(Locale.ROOT);
        this.captureContent = captureContent;
    }

    /** No spans at all (OpenTelemetry's no-op implementation): the default when tracing is not configured. */
    public static LlmCallTraces off(LlmConfig config) { return new LlmCallTraces(OpenTelemetry.noop(), config, false); }

    @Override public void onRequest(ChatModelRequestContext context) {
        ChatRequest request = context.chatRequest();
        ChatRequestParameters parameters = request.parameters();
        String model = parameters != null && parameters.modelName() != null ? parameters.modelName() : config.model();
        URI server = config.baseUrl();
        var span = tracer.spanBuilder("chat " + model)
                .setSpanKind(SpanKind.CLIENT)
                .setParent(Context.current())
                .setAttribute(OPERATION, "chat")
                .setAttribute(PROVIDER, provider)
                .setAttribute(SYSTEM, provider)
                .setAttribute(REQUEST_MODEL, model)
                .setAttribute(SERVER_ADDRESS, server.getHost())
                .setAttribute(SERVER_PORT, (long) (server.getPort() > 0 ? server.getPort() : "https".equals(server.getScheme()) ? 443 : 80));
        if (parameters != null) {
            if (parameters.temperature() != null) span.setAttribute(REQUEST_TEMPERATURE, parameters.temperature());
            if (parameters.topP() != null) span.setAttribute(REQUEST_TOP_P, parameters.topP());
            if (parameters.topK() != null) span.setAttribute(REQUEST_TOP_K, (long) parameters.topK());
            if (parameters.maxOutputTokens() != null) span.setAttribute(REQUEST_MAX_TOKENS, (long) parameters.maxOutputTokens());
            boolean json = parameters.responseFormat() != null && parameters.responseFormat().type() == ResponseFormatType.JSON;
            span.setAttribute(OUTPUT_TYPE, json ? "json" : "text");
        }
        fromLoggingContext(span::setAttribute);
        Span started = span.startSpan();
        if (captureContent) started.setAttribute(INPUT_MESSAGES, messages(request.messages()));
        context.attributes().put(SPAN, started);
    }

    @Override public void onResponse(ChatModelResponseContext context) {
        if (!(context.attributes().get(SPAN) instanceof Span span)) return;
        ChatResponse response = context.chatResponse();
        if (response != null) {
            if (response.modelName() != null) span.setAttribute(RESPONSE_MODEL, response.modelName());
            if (response.id() != null) span.setAttribute(RESPONSE_ID, response.id());
            if (response.finishReason() != null) span.setAttribute(FINISH_REASONS, List.of(finishReason(response.finishReason())));
            TokenUsage usage = response.tokenUsage();
            if (usage != null && usage.inputTokenCount() != null) span.setAttribute(INPUT_TOKENS, (long) usage.inputTokenCount());
            if (usage != null && usage.outputTokenCount() != null) span.setAttribute(OUTPUT_TOKENS, (long) usage.outputTokenCount());
            if (captureContent && response.aiMessage() != null) span.setAttribute(OUTPUT_MESSAGES, messages(List.of(response.aiMessage())));
        }
        span.end();
    }

    @Override public void onError(ChatModelErrorContext context) {
        if (!(context.attributes().get(SPAN) instanceof Span span)) return;
        Throwable error = context.error();
        span.setAttribute(ERROR_TYPE, error == null ? "_OTHER" : error.getClass().getName());
        span.setStatus(StatusCode.ERROR, error == null || error.getMessage() == null ? "" : error.getMessage());
        span.end();
    }

    /**
     * Runs one tool call the model asked for inside an {@code execute_tool {name}} span (current while it runs, so
     * what the tool does nests under it) and returns its result. Arguments and result are recorded only when content
     * capture is on.
     */
    public String toolCall(String name, String callId, String arguments, Supplier<String> call) {
        ToolSpan span = toolStarted(name, callId, arguments);
        try (Scope ignored = span.span.makeCurrent()) {
            String result = call.get();
            span.ended(result, false);
            return result;
        } catch (RuntimeException | Error e) {
            span.failed(e);
            throw e;
        }
    }

    /**
     * Starts the {@code execute_tool {name}} span of a tool call run by someone else (langchain4j's AiServices, which
     * announce a tool before and after it runs); the caller ends it with {@link ToolSpan#ended}.
     */
    public ToolSpan toolStarted(String name, String callId, String arguments) {
        var builder = tracer.spanBuilder("execute_tool " + name)
                .setSpanKind(SpanKind.INTERNAL)
                .setParent(Context.current())
                .setAttribute(OPERATION, "execute_tool")
                .setAttribute(TOOL_NAME, name)
                .setAttribute(TOOL_TYPE, "function");
        if (callId != null) builder.setAttribute(TOOL_CALL_ID, callId);
        if (captureContent && arguments != null) builder.setAttribute(TOOL_ARGUMENTS, arguments);
        fromLoggingContext(builder::setAttribute);
        return new ToolSpan(builder.startSpan(), captureContent);
    }

    /** One tool call's span, ended once. */
    public static final class ToolSpan {
        private final Span span;
        private final boolean captureContent;

        private ToolSpan(Span span, boolean captureContent) {
            this.span = span;
            this.captureContent = captureContent;
        }

        /** Ends the span with the tool's result; {@code failed} when the result is the error text the model was given. */
        public void ended(String result, boolean failed) {
            if (captureContent && result != null) span.setAttribute(TOOL_RESULT, result);
            if (failed) {
                span.setAttribute(ERROR_TYPE, "tool_error");
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }

        void failed(Throwable e) {
            span.setAttribute(ERROR_TYPE, e.getClass().getName());
            span.setStatus(StatusCode.ERROR, e.getMessage() == null ? "" : e.getMessage());
            span.end();
        }
    }

    private interface AttributeSink { void set(AttributeKey<String> key, String value); }

    private static void fromLoggingContext(AttributeSink span) {
        for (Map.Entry<String, AttributeKey<String>> entry : Map.of(CONVERSATION, CONVERSATION_ID, JOB, JOB_ID, TEST_CASE, TEST_CASE_ID).entrySet()) {
            String value = MDC.get(entry.getKey());
            if (value != null) span.set(entry.getValue(), value);
        }
    }

    /** The semantic conventions' finish reasons: stop, length, tool_calls, content_filter, error. */
    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> reason.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Messages in the conventions' JSON shape: [{"role": ..., "parts": [{"type": "text", "content": ...}]}]. */
    private static String messages(List<ChatMessage> messages) {
        ArrayNode all = JSON.createArrayNode();
        for (ChatMessage message : messages) {
            ObjectNode entry = all.addObject();
            ArrayNode parts = JSON.createArrayNode();
            switch (message) {
                case SystemMessage system -> { entry.put("role", "system"); text(parts, system.text()); }
                case UserMessage user -> { entry.put("role", "user"); text(parts, user.hasSingleText() ? user.singleText() : user.contents().toString()); }
                case AiMessage ai -> {
                    entry.put("role", "assistant");
                    text(parts, ai.text());
                    if (ai.hasToolExecutionRequests()) ai.toolExecutionRequests().forEach(call -> parts.addObject()
                            .put("type", "tool_call").put("id", call.id()).put("name", call.name()).put("arguments", call.arguments()));
                }
                case ToolExecutionResultMessage result -> {
                    entry.put("role", "tool");
                    parts.addObject().put("type", "tool_call_response").put("id", result.id()).put("response", result.text());
                }
                default -> { entry.put("role", message.type().name().toLowerCase(Locale.ROOT)); text(parts, message.toString()); }
            }
            entry.set("parts", parts);
        }
        return all.toString();
    }

    private static void text(ArrayNode parts, String text) {
        if (text != null) parts.addObject().put("type", "text").put("content", text);
    }
}
