package dev.concierge.adapter.http;

import io.javalin.config.RoutesConfig;

import java.util.List;

/**
 * A set of routes one context contributes; the server registers every group bound in Guice. Their API description
 * is the context's OpenAPI fragment ({@link HttpContext#openApiResource()}).
 */
public interface RouteGroup {
    void register(RoutesConfig routes);

    /** Paths whose bodies may exceed {@link HttpServer#MAX_BODY_BYTES}: file uploads. */
    default List<LargeBody> largeBodies() { return List.of(); }

    /** Requests whose path matches {@code pathPattern} (a regular expression) may send up to {@code maxBytes}. */
    record LargeBody(String pathPattern, long maxBytes) {}
}
