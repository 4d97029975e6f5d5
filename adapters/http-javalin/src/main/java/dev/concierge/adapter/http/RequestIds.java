package dev.concierge.adapter.http;

import io.javalin.http.Context;

import java.util.UUID;
import java.util.regex.Pattern;

/** Each request's id: the caller's X-Request-Id or the ALB's X-Amzn-Trace-Id when sane, else a new one. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "concierge.request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9=;:._\\-]{1,200}");

    private RequestIds() {}

    public static String assign(Context ctx) {
        String id = firstSafe(ctx.header(HEADER), ctx.header("X-Amzn-Trace-Id"));
        if (id == null) id = UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        return id;
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? assign(ctx) : id;
    }

    private static String firstSafe(String... candidates) {
        for (String candidate : candidates) if (candidate != null && SAFE.matcher(candidate).matches()) return candidate;
        return null;
    }
}
