package dev.concierge.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code GET /api/openapi.json}: the base document merged with every {@link HttpContext}'s fragment, so each context
 * documents its own operations in its own file. A test checks every registered API route is described.
 */
public final class OpenApiRoutes implements RouteGroup {
    private static final String BASE = "/openapi/base.json";

    private final byte[] document;

    public OpenApiRoutes(ObjectMapper mapper, Collection<HttpContext> contexts) {
        ObjectNode merged = load(mapper, BASE);
        for (HttpContext context : contexts) mergeInto(merged, load(mapper, context.openApiResource()));
        try {
            this.document = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }

    private static ObjectNode load(ObjectMapper mapper, String resource) {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing OpenAPI fragment " + resource);
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable OpenAPI fragment " + resource, e);
        }
    }

    private static void mergeInto(ObjectNode target, ObjectNode fragment) {
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = fragment.fields(); it.hasNext(); ) {
            var entry = it.next();
            var existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode incoming) {
                mergeInto(existingObject, incoming);
            } else if (existing == null) {
                target.set(entry.getKey(), entry.getValue());
            } else if (!existing.equals(entry.getValue())) {
                throw new IllegalStateException("OpenAPI fragments disagree on '" + entry.getKey() + "'");
            }
        }
    }
}
