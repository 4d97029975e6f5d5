package dev.concierge.adapter.http.tripsupport;

import dev.concierge.adapter.http.HttpContext;

/** Where this context's messages, OpenAPI fragment and assets are; found through {@code META-INF/services}. */
public final class TripSupportHttpContext implements HttpContext {
    @Override public String name() { return "tripsupport"; }
}
