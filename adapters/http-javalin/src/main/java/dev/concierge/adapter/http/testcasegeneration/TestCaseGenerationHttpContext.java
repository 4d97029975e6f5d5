package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.HttpContext;

/** Where this context's messages, OpenAPI fragment and assets are; found through {@code META-INF/services}. */
public final class TestCaseGenerationHttpContext implements HttpContext {
    @Override public String name() { return "testcasegeneration"; }
}
