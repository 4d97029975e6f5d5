package dev.concierge.adapter.http;

import io.javalin.http.Context;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

import java.util.Optional;

/**
 * A server span per request when tracing is on (OpenTelemetry configured by the bootstrap): it continues the
 * caller's W3C {@code traceparent} if any, is named {@code METHOD /route/template} once the route is known, and its
 * trace id becomes the request id (log lines' {@code requestId}, the {@code X-Request-Id} answer) unless the caller
 * sent one. Handlers that run on another thread ({@link LongRunning}) make it current there, so model calls nest under it.
 */
public final class RequestTraces {
    private static final String SPAN = "concierge.server-span";
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("concierge.request_id");
    private static final TextMapGetter<Context> HEADERS = new TextMapGetter<>() {
        @Override public Iterable<String> keys(Context ctx) { return ctx.headerMap().keySet(); }

        @Override public String get(Context ctx, String key) { return ctx == null ? null : ctx.header(key); }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final boolean enabled;

    private RequestTraces(OpenTelemetry openTelemetry, boolean enabled) {
        this.tracer = openTelemetry.getTracer("dev.concierge.http");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.enabled = enabled;
    }

    public static RequestTraces with(OpenTelemetry openTelemetry) { return new RequestTraces(openTelemetry, true); }

    public static RequestTraces off() { return new RequestTraces(OpenTelemetry.noop(), false); }

    /** Starts the request's span; its trace id when tracing is on. */
    Optional<String> start(Context ctx) {
        if (!enabled) return Optional.empty();
        var parent = propagator.extract(io.opentelemetry.context.Context.root(), ctx, HEADERS);
        Span span = tracer.spanBuilder(ctx.method().name()).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, ctx.method().name()).setAttribute(PATH, ctx.path()).startSpan();
        ctx.attribute(SPAN, span);
        return span.getSpanContext().isValid() ? Optional.of(span.getSpanContext().getTraceId()) : Optional.empty();
    }

    void end(Context ctx, String route, String requestId) {
        if (!(ctx.attribute(SPAN) instanceof Span span)) return;
        span.updateName(ctx.method().name() + " " + route);
        span.setAttribute(ROUTE, route);
        span.setAttribute(STATUS, (long) ctx.statusCode());
        if (requestId != null) span.setAttribute(REQUEST_ID, requestId);
        if (ctx.statusCode() >= 500) span.setStatus(StatusCode.ERROR);
        span.end();
    }

    /** The request's trace context, to make current on the thread that runs the rest of the request. */
    static io.opentelemetry.context.Context contextOf(Context ctx) {
        return ctx.attribute(SPAN) instanceof Span span ? io.opentelemetry.context.Context.root().with(span)
                : io.opentelemetry.context.Context.root();
    }
}
