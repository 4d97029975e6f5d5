package dev.concierge.adapter.http.health;

import dev.concierge.adapter.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: every meter in Prometheus' text format, for the scraper inside the network. */
public final class MetricsRoutes implements RouteGroup {
    private final PrometheusMeterRegistry registry;

    public MetricsRoutes(PrometheusMeterRegistry registry) { this.registry = registry; }

    @Override public void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    }
}
