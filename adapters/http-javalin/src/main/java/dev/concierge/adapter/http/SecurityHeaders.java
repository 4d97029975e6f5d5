package dev.concierge.adapter.http;

import io.javalin.http.Context;

/** Headers that make the pages safe by default: no inline script, no framing, no MIME sniffing, no stored copies. */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        // Answers carry a person's data and change with every action: never stored, so a shared computer keeps nothing
        // and Back asks the server again (app.js reloads a page the browser restores from memory). Assets set their own.
        ctx.header("Cache-Control", "no-store");
    }
}
