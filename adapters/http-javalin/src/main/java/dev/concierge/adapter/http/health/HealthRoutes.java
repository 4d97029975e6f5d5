package dev.concierge.adapter.http.health;

import dev.concierge.adapter.http.ErrorMapping;
import dev.concierge.adapter.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /health} (liveness): 200 when every critical component is up (the load balancer keeps the task), 503
 * otherwise. {@code GET /health/ready} (readiness): the same components plus every {@link ReadinessIndicator}
 * (migrations applied, workers running). Components are checked in parallel with a deadline so a slow one cannot
 * stall the probe.
 */
public final class HealthRoutes implements RouteGroup {
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    private final List<HealthIndicator> indicators;
    private final List<HealthIndicator> readiness;

    public HealthRoutes(List<HealthIndicator> indicators) { this(indicators, List.of()); }

    public HealthRoutes(List<HealthIndicator> indicators, List<? extends ReadinessIndicator> readiness) {
        this.indicators = List.copyOf(indicators);
        List<HealthIndicator> all = new java.util.ArrayList<>(indicators);
        all.addAll(readiness);
        this.readiness = List.copyOf(all);
    }

    public record Component(String status, boolean critical, String message) {}

    public record HealthView(String status, Instant checkedAt, Map<String, Component> components) {}

    @Override public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> answer(ctx, check()));
        routes.get("/health/ready", ctx -> answer(ctx, check(readiness)));
    }

    private static void answer(Context ctx, HealthView view) {
        ErrorMapping.keepBody(ctx); // a 503 here is the report itself, which says what is down
        ctx.status(view.status().equals("up") ? 200 : 503).json(view);
    }

    public HealthView check() { return check(indicators); }

    public HealthView checkReadiness() { return check(readiness); }

    private static HealthView check(List<HealthIndicator> indicators) {
        // Not try-with-resources: close() would wait for a component that missed the deadline.
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Map<HealthIndicator, CompletableFuture<HealthIndicator.ComponentHealth>> running = new LinkedHashMap<>();
            for (HealthIndicator indicator : indicators) {
                running.put(indicator, CompletableFuture.supplyAsync(indicator::check, executor));
            }
            Map<String, Component> components = new LinkedHashMap<>();
            boolean up = true;
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            for (var entry : running.entrySet()) {
                HealthIndicator.ComponentHealth health = await(entry.getValue(), deadline);
                components.put(entry.getKey().name(), new Component(health.up() ? "up" : "down",
                        entry.getKey().critical(), health.message()));
                if (!health.up() && entry.getKey().critical()) up = false;
            }
            return new HealthView(up ? "up" : "down", Instant.now(), components);
        } finally {
            executor.shutdownNow();
        }
    }

    private static HealthIndicator.ComponentHealth await(CompletableFuture<HealthIndicator.ComponentHealth> check, long deadline) {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return HealthIndicator.ComponentHealth.down("did not answer within " + DEADLINE.toSeconds() + " s");
        } catch (ExecutionException e) {
            return HealthIndicator.ComponentHealth.down("check failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthIndicator.ComponentHealth.down("check interrupted");
        }
    }
}
