package dev.concierge.adapter.http;

import io.javalin.config.RoutesConfig;

import java.util.Optional;

/** A set of routes one context contributes; the server registers every group bound in Guice. */
public interface RouteGroup {
    void register(RoutesConfig routes);

    /** Classpath resource with this group's part of the OpenAPI document ({@code paths} and {@code components}). */
    default Optional<String> openApiResource() { return Optional.empty(); }
}
