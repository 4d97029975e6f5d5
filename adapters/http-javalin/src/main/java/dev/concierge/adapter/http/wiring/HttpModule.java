package dev.concierge.adapter.http.wiring;

import java.util.Optional;
import dev.concierge.adapter.http.RequestTraces;
import io.opentelemetry.api.OpenTelemetry;
import com.google.inject.multibindings.OptionalBinder;
import dev.concierge.adapter.http.CrossOriginProtection;
import dev.concierge.adapter.http.ErrorMapping;
import dev.concierge.adapter.http.HttpContext;
import dev.concierge.adapter.http.HttpServer;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.LlmRoutes;
import dev.concierge.adapter.http.OpenApiRoutes;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.ServerStopping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.concierge.adapter.http.health.HealthIndicator;
import dev.concierge.adapter.http.health.HealthRoutes;
import dev.concierge.adapter.http.health.MetricsRoutes;
import dev.concierge.adapter.http.health.ReadinessIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.web.NavigationEntry;
import dev.concierge.adapter.http.web.PageRenderer;
import dev.concierge.adapter.http.web.WebRoutes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Wiring of the HTTP server and what every context shares: JSON, identity, pages, errors, health, the API description.
 * Contexts contribute their routes with {@link #routes(com.google.inject.Binder)}; bootstrap contributes health
 * indicators with {@link #healthIndicators(com.google.inject.Binder)}. It lives in its own package because it
 * builds the shared subpackages (web, health) that themselves build on {@code adapter.http}: here it closes no cycle.
 */
public final class HttpModule extends AbstractModule {
    private final HttpServer.Config config;
    private final CurrentUser currentUser;
    private final LlmRoutes.Limits llmLimits;
    private final boolean servesUsers;

    public HttpModule(HttpServer.Config config, CurrentUser currentUser) {
        this(config, currentUser, LlmRoutes.Limits.defaults());
    }

    public HttpModule(HttpServer.Config config, CurrentUser currentUser, LlmRoutes.Limits llmLimits) {
        this(config, currentUser, llmLimits, true);
    }

    private HttpModule(HttpServer.Config config, CurrentUser currentUser, LlmRoutes.Limits llmLimits, boolean servesUsers) {
        this.config = config;
        this.currentUser = currentUser;
        this.llmLimits = llmLimits;
        this.servesUsers = servesUsers;
    }

    /**
     * The server of an instance that serves no users (a generation worker): health and metrics only, see
     * {@link HttpServer#operationsOnly}. Install no context's HTTP module beside it: their routes would not be served.
     */
    public static HttpModule operationsOnly(HttpServer.Config config) {
        return new HttpModule(config, ctx -> {
            throw new IllegalStateException("an operations-only server has no users");
        }, LlmRoutes.Limits.defaults(), false);
    }

    public static Multibinder<RouteGroup> routes(com.google.inject.Binder binder) {
        return Multibinder.newSetBinder(binder, RouteGroup.class);
    }

    public static Multibinder<NavigationEntry> navigation(com.google.inject.Binder binder) {
        return Multibinder.newSetBinder(binder, NavigationEntry.class);
    }

    public static Multibinder<HealthIndicator> healthIndicators(com.google.inject.Binder binder) {
        return Multibinder.newSetBinder(binder, HealthIndicator.class);
    }

    /** What {@code /health/ready} waits for beyond {@code /health}: e.g. a context's "workers running". */
    public static Multibinder<ReadinessIndicator> readinessIndicators(com.google.inject.Binder binder) {
        return Multibinder.newSetBinder(binder, ReadinessIndicator.class);
    }

    @Override protected void configure() {
        bind(CurrentUser.class).toInstance(currentUser);
        // tracing: bound by the bootstrap when OTEL_* settings configure it
        OptionalBinder.newOptionalBinder(binder(), OpenTelemetry.class);
        navigation(binder());
        if (servesUsers) routes(binder()).addBinding().to(WebRoutes.class);
        routes(binder()).addBinding().to(HealthRoutes.class);
        routes(binder()).addBinding().to(MetricsRoutes.class);
        healthIndicators(binder());
        readinessIndicators(binder());
    }

    /**
     * One registry for the whole app, bound as {@link MeterRegistry} so any adapter (LLM calls, the job queue) can
     * record into it; {@code /metrics} serves it. JVM meters are bound here once.
     */
    @Provides @Singleton PrometheusMeterRegistry prometheusRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    @Provides @Singleton MeterRegistry meterRegistry(PrometheusMeterRegistry registry) { return registry; }

    @Provides @Singleton MetricsRoutes metricsRoutes(PrometheusMeterRegistry registry) { return new MetricsRoutes(registry); }

    @Provides @Singleton LlmRoutes llmRoutes() { return new LlmRoutes(llmLimits); }

    @Provides @Singleton PageRenderer pageRenderer(Set<NavigationEntry> applications) { return new PageRenderer(applications); }

    @Provides @Singleton ObjectMapper objectMapper() { return Json.mapper(); }

    @Provides @Singleton WebRoutes webRoutes(PageRenderer renderer, CurrentUser user) { return new WebRoutes(renderer, user); }

    @Provides @Singleton HealthRoutes healthRoutes(Set<HealthIndicator> indicators, Set<ReadinessIndicator> readiness) {
        List<HealthIndicator> ordered = new ArrayList<>(indicators);
        ordered.sort((a, b) -> Boolean.compare(b.critical(), a.critical()));
        return new HealthRoutes(ordered, List.copyOf(readiness));
    }

    /** One per server: raised when it begins to stop, watched by streams that should end at once then. */
    @Provides @Singleton ServerStopping serverStopping() { return new ServerStopping(); }

    @Provides @Singleton HttpServer httpServer(ObjectMapper mapper, Set<RouteGroup> groups, WebRoutes pages,
                                               MeterRegistry meters, LlmRoutes llm, ServerStopping stopping,
                                               Optional<OpenTelemetry> openTelemetry) {
        RequestTraces traces = openTelemetry.map(RequestTraces::with).orElseGet(RequestTraces::off);
        if (!servesUsers) return HttpServer.operationsOnly(config, mapper, groups, meters, stopping, traces);
        Set<RouteGroup> all = new LinkedHashSet<>(groups);
        all.add(new OpenApiRoutes(mapper, HttpContext.all()));
        return new HttpServer(config, mapper, all, new ErrorMapping(pages), new CrossOriginProtection(),
                currentUser, meters, llm, stopping, traces);
    }
}
