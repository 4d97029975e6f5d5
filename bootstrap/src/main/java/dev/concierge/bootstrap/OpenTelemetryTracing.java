package dev.concierge.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Traces, configured by the standard {@code OTEL_*} settings through OpenTelemetry's SDK autoconfiguration (any
 * OTLP collector: the AWS Distro for OpenTelemetry sidecar in AWS, Langfuse's OTLP endpoint, Jaeger on a laptop).
 * Off — OpenTelemetry's no-op, no SDK, no thread — unless {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or its traces
 * variant) or {@code OTEL_TRACES_EXPORTER} is set. Only traces: metrics stay with Micrometer at {@code /metrics} and
 * logs on stdout, so the SDK's metric and log exporters default to none.
 */
final class OpenTelemetryTracing implements AutoCloseable {
    /** The GenAI instrumentations' switch for prompt and completion text in spans (off: they hold what users typed). */
    static final String CAPTURE_CONTENT = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";
    private static final Map<String, String> DEFAULTS = Map.of(
            "otel.service.name", "concierge",
            "otel.traces.exporter", "otlp",
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none");

    private final OpenTelemetry openTelemetry;
    private final OpenTelemetrySdk sdk;
    private final boolean captureContent;

    private OpenTelemetryTracing(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk, boolean captureContent) {
        this.openTelemetry = openTelemetry;
        this.sdk = sdk;
        this.captureContent = captureContent;
    }

    /** From the {@code OTEL_*} settings (environment variable names); off when none asks for an exporter. */
    static OpenTelemetryTracing from(Map<String, String> settings) {
        boolean wanted = settings.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT") || settings.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                || (settings.containsKey("OTEL_TRACES_EXPORTER") && !"none".equalsIgnoreCase(settings.get("OTEL_TRACES_EXPORTER")));
        if (!wanted || "true".equalsIgnoreCase(settings.get("OTEL_SDK_DISABLED"))) return off();
        Map<String, String> properties = new HashMap<>(DEFAULTS);
        settings.forEach((name, value) -> properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value));
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> properties)
                .disableShutdownHook() // Application.close() flushes, after the last request and job
                .build()
                .getOpenTelemetrySdk();
        return new OpenTelemetryTracing(sdk, sdk, "true".equalsIgnoreCase(settings.get(CAPTURE_CONTENT)));
    }

    static OpenTelemetryTracing off() { return new OpenTelemetryTracing(OpenTelemetry.noop(), null, false); }

    boolean on() { return sdk != null; }

    /** Binds the tracer for the HTTP adapter's request spans and the LLM adapter's model-call spans. */
    Module module(LlmConfig llm) {
        return new AbstractModule() {
            @Override protected void configure() {
                if (!on()) return;
                OptionalBinder.newOptionalBinder(binder(), OpenTelemetry.class).setBinding().toInstance(openTelemetry);
                OptionalBinder.newOptionalBinder(binder(), LlmCallTraces.class).setBinding()
                        .toInstance(new LlmCallTraces(openTelemetry, llm, captureContent));
            }
        };
    }

    /** Exports what is still buffered. */
    @Override public void close() {
        if (sdk != null) sdk.shutdown().join(10, TimeUnit.SECONDS);
    }
}
