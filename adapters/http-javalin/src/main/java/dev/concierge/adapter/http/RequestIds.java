package dev.concierge.adapter.http;

import io.javalin.http.Context;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Each request's id: the caller's X-Request-Id when sane, else the request's trace id when tracing is on (so a log
 * line leads to its trace), else the ALB's X-Amzn-Trace-Id when sane, else a new one.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "concierge.request-id";
    /** Set by {@link RequestTraces} before the id is assigned. */
    static final String TRACE_ID = "concierge.trace-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9=;:._\\-]{1,200}");

    private RequestIds() {}

    public static String assign(Context ctx) {
        String id = firstSafe(ctx.header(HEADER), ctx.attribute(TRACE_ID), ctx.header("X-Amzn-Trace-Id"));
        if (id == null) id = randomId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        return id;
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? assign(ctx) : id;
    }

    /**
     * A version-4 UUID from a fast non-cryptographic generator: request ids must be unique, not unguessable, and
     * {@link UUID#randomUUID()} (SecureRandom) showed up in profiles of every request.
     */
    static String randomId() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                       // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    private static String firstSafe(String... candidates) {
        for (String candidate : candidates) if (candidate != null && SAFE.matcher(candidate).matches()) return candidate;
        return null;
    }
}
