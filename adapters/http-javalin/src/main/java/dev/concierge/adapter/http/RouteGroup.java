package dev.concierge.adapter.http;

import io.javalin.config.RoutesConfig;

/**
 * A set of routes one context contributes; the server registers every group bound in Guice. Their API description
 * is the context's OpenAPI fragment ({@link HttpContext#openApiResource()}).
 */
public interface RouteGroup {
    void register(RoutesConfig routes);
}
