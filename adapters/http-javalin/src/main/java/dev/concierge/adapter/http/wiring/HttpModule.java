package dev.concierge.adapter.http.wiring;

import dev.concierge.adapter.http.CrossOriginProtection;
import dev.concierge.adapter.http.ErrorMapping;
import dev.concierge.adapter.http.HttpServer;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.OpenApiRoutes;
import dev.concierge.adapter.http.RouteGroup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.concierge.adapter.http.health.HealthIndicator;
import dev.concierge.adapter.http.health.HealthRoutes;
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

    public HttpModule(HttpServer.Config config, CurrentUser currentUser) {
        this.config = config;
        this.currentUser = currentUser;
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

    @Override protected void configure() {
        bind(CurrentUser.class).toInstance(currentUser);
        navigation(binder());
        routes(binder()).addBinding().to(WebRoutes.class);
        routes(binder()).addBinding().to(HealthRoutes.class);
        healthIndicators(binder());
    }

    @Provides @Singleton PageRenderer pageRenderer(Set<NavigationEntry> applications) { return new PageRenderer(applications); }

    @Provides @Singleton ObjectMapper objectMapper() { return Json.mapper(); }

    @Provides @Singleton WebRoutes webRoutes(PageRenderer renderer, CurrentUser user) { return new WebRoutes(renderer, user); }

    @Provides @Singleton HealthRoutes healthRoutes(Set<HealthIndicator> indicators) {
        List<HealthIndicator> ordered = new ArrayList<>(indicators);
        ordered.sort((a, b) -> Boolean.compare(b.critical(), a.critical()));
        return new HealthRoutes(ordered);
    }

    @Provides @Singleton HttpServer httpServer(ObjectMapper mapper, Set<RouteGroup> groups, WebRoutes pages) {
        Set<RouteGroup> all = new LinkedHashSet<>(groups);
        all.add(new OpenApiRoutes(mapper, groups));
        return new HttpServer(config, mapper, all, new ErrorMapping(pages), new CrossOriginProtection());
    }
}
