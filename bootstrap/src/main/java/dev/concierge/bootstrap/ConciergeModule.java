package dev.concierge.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.adapter.http.wiring.HttpModule;
import dev.concierge.adapter.http.HttpServer;
import dev.concierge.adapter.http.LlmRoutes;
import dev.concierge.adapter.http.health.HealthIndicator;
import dev.concierge.adapter.http.health.ReadinessIndicator;
import dev.concierge.adapter.persistence.ContextSchemas;
import dev.concierge.adapter.http.identity.AlbIdentity;
import dev.concierge.adapter.http.identity.AlbUser;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.identity.LocalUser;
import dev.concierge.adapter.llm.LlmModule;
import dev.concierge.adapter.persistence.Database;
import dev.concierge.adapter.persistence.DatabaseHealth;
import dev.concierge.adapter.persistence.PersistenceModule;
import dev.concierge.adapter.llm.LlmReachability;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;

import java.time.Clock;

/** The wiring diagram: the shared adapters' modules, and every {@link ContextModule} found on the class path. */
final class ConciergeModule extends AbstractModule {
    private final Settings settings;
    private final Database database;

    ConciergeModule(Settings settings, Database database) {
        this.settings = settings;
        this.database = database;
    }

    @Override protected void configure() {
        bind(Settings.class).toInstance(settings);
        bind(Clock.class).toInstance(Clock.system(settings.timeZone()));

        install(new PersistenceModule(database));
        install(new LlmModule(settings.llm()));

        // Every context's use cases and driven adapters, in every role.
        for (ContextModule context : ContextModule.all()) install(context.module(settings));

        // What this instance serves (ROLE): here, and in each context's own wiring (e.g. whether it runs workers).
        var http = new HttpServer.Config(settings.host(), settings.port(), settings.httpThreads(), settings.shutdownDrain(), settings.accessLog(),
                settings.httpBodyDeadline());
        if (settings.role().servesUsers()) {
            install(new HttpModule(http, currentUser(),
                    new LlmRoutes.Limits(settings.llmLimits().callsPerUserPerMinute(), settings.llmLimits().maxConcurrentCalls())));
            for (ContextModule context : ContextModule.all()) install(context.httpModule(settings));
        } else {
            install(HttpModule.operationsOnly(http));
        }

        var health = HttpModule.healthIndicators(binder());
        health.addBinding().to(DatabaseHealthIndicator.class);
        health.addBinding().to(LlmHealthIndicator.class);
        // The injector is built only after every context's migrations ran (Application.start), so this is true here.
        HttpModule.readinessIndicators(binder()).addBinding().toInstance(new MigrationsApplied());
    }

    /** The configured local user on a laptop; the load balancer's verified identity header in AWS. */
    private CurrentUser currentUser() {
        Settings.Identity identity = settings.identity();
        if (identity.mode() == Settings.AuthMode.ALB) {
            return new AlbUser(new AlbIdentity(new AlbIdentity.Config(identity.albSignerArn().orElseThrow(),
                    identity.albPublicKeyUrl().orElseThrow(), identity.groupsClaim()), Clock.systemUTC()));
        }
        return new LocalUser(new Actor(new UserId(settings.localUser()), settings.localGroups()));
    }

    @Provides @Singleton DatabaseHealthIndicator databaseHealth(DatabaseHealth health) { return new DatabaseHealthIndicator(health); }

    @Provides @Singleton LlmHealthIndicator llmHealth(LlmReachability reachability, Clock clock) {
        return new LlmHealthIndicator(reachability, clock);
    }

    record MigrationsApplied() implements ReadinessIndicator {
        @Override public String name() { return "migrations"; }

        @Override public boolean critical() { return true; }

        @Override public ComponentHealth check() {
            return ComponentHealth.up("applied for schemas " + String.join(", ", ContextSchemas.ALL));
        }
    }

    record DatabaseHealthIndicator(DatabaseHealth health) implements HealthIndicator {
        @Override public String name() { return "database"; }

        @Override public boolean critical() { return true; }

        @Override public ComponentHealth check() {
            var status = health.check();
            return new ComponentHealth(status.up(), status.message());
        }
    }
}
