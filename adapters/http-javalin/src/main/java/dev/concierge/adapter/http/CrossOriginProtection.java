package dev.concierge.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.net.URI;
import java.util.Set;

/**
 * CSRF protection without tokens: a state-changing request that a browser marks as coming from another site
 * (Sec-Fetch-Site, or an Origin that is not this host) is refused. Non-browser clients send neither header and
 * carry no ambient cookies, so they pass.
 */
public final class CrossOriginProtection {
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    public void check(Context ctx) {
        if (SAFE.contains(ctx.method())) return;
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) refuse();
        String origin = ctx.header("Origin");
        // "null" is an opaque origin (sandboxed frame, data: URL): not this site, and it may carry the ALB's cookie.
        if (site == null && origin != null && !sameHost(origin, ctx)) refuse();
    }

    private static boolean sameHost(String origin, Context ctx) {
        try {
            String host = ctx.header("Host");
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse() {
        throw new Forbidden("cross_origin_request", "This change was requested from another site and was refused. "
                + "Use Concierge's own pages, or call the API without a browser.");
    }

    /** 403 with the standard error body. */
    public static final class Forbidden extends RuntimeException {
        private final String code;

        public Forbidden(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() { return code; }
    }
}
