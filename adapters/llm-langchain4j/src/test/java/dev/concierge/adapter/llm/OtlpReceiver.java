package dev.concierge.adapter.llm;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A local OpenTelemetry collector for tests: accepts OTLP/HTTP protobuf at {@code POST /v1/traces} (what the OTLP
 * exporter sends, gzip or not), answers as a collector does, and keeps every span with its resource attributes.
 */
public final class OtlpReceiver implements AutoCloseable {
    /** One received span, attributes flattened to text (arrays as comma-separated values). */
    public record ReceivedSpan(String name, String traceId, String spanId, String parentSpanId, Span.SpanKind kind,
                               Map<String, String> attributes, Map<String, String> resource, boolean error) {
        public String attribute(String key) { return attributes.get(key); }
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                InputStream body = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) body = new GZIPInputStream(body);
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
                request.getResourceSpansList().forEach(resourceSpans -> {
                    Map<String, String> resource = flatten(resourceSpans.getResource().getAttributesList());
                    resourceSpans.getScopeSpansList().forEach(scope -> scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(
                            span.getName(), hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                            hex(span.getParentSpanId().toByteArray()), span.getKind(), flatten(span.getAttributesList()), resource,
                            span.getStatus().getCode() == io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR))));
                });
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, 0);
            }
        });
        server.start();
    }

    public static OtlpReceiver start() { return new OtlpReceiver(); }

    /** The base URL, as OTEL_EXPORTER_OTLP_ENDPOINT takes it (the exporter appends /v1/traces). */
    public URI endpoint() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    public List<ReceivedSpan> spans() { return List.copyOf(spans); }

    /** Waits (up to 10 s, exporters batch) for a span matching {@code which}. */
    public ReceivedSpan await(Predicate<ReceivedSpan> which) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            for (ReceivedSpan span : spans) if (which.test(span)) return span;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no such span within 10 s; received: " + spans.stream().map(ReceivedSpan::name).toList());
    }

    private static Map<String, String> flatten(List<KeyValue> attributes) {
        Map<String, String> flat = new LinkedHashMap<>();
        attributes.forEach(attribute -> flat.put(attribute.getKey(), text(attribute.getValue())));
        return flat;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpReceiver::text).collect(Collectors.joining(","));
            default -> value.toString();
        };
    }

    private static String hex(byte[] bytes) { return bytes.length == 0 ? "" : HexFormat.of().formatHex(bytes); }

    @Override public void close() { server.stop(0); }
}
