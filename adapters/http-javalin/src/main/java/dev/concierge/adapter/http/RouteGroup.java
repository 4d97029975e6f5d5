package dev.concierge.adapter.http;

import io.javalin.config.RoutesConfig;

import java.util.List;
import java.util.Optional;

/** A set of routes one context contributes; the server registers every group bound in Guice. */
public interface RouteGroup {
    void register(RoutesConfig routes);

    /** Classpath resource with this group's part of the OpenAPI document ({@code paths} and {@code components}). */
    default Optional<String> openApiResource() { return Optional.empty(); }

    /** Paths whose bodies may exceed {@link HttpServer#MAX_BODY_BYTES}: file uploads. */
    default List<LargeBody> largeBodies() { return List.of(); }

    /** Requests whose path matches {@code pathPattern} (a regular expression) may send up to {@code maxBytes}. */
    record LargeBody(String pathPattern, long maxBytes) {}
}
