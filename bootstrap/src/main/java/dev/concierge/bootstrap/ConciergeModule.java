package dev.concierge.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.adapter.http.wiring.HttpModule;
import dev.concierge.adapter.http.HttpServer;
import dev.concierge.adapter.http.favourites.FavouritesHttpModule;
import dev.concierge.adapter.http.LlmRoutes;
import dev.concierge.adapter.http.tripsupport.TripSupportHttpModule;
import dev.concierge.adapter.http.health.HealthIndicator;
import dev.concierge.adapter.http.health.ReadinessIndicator;
import dev.concierge.adapter.persistence.ContextSchemas;
import dev.concierge.adapter.http.identity.AlbIdentity;
import dev.concierge.adapter.http.identity.AlbUser;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.identity.LocalUser;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationHttpModule;
import dev.concierge.adapter.llm.LlmModule;
import dev.concierge.adapter.persistence.Database;
import dev.concierge.adapter.persistence.DatabaseHealth;
import dev.concierge.adapter.persistence.PersistenceModule;
import dev.concierge.adapter.file.tripsupport.TravelPolicyFileModule;
import dev.concierge.adapter.llm.LlmReachability;
import dev.concierge.adapter.llm.tripsupport.TripSupportLlmModule;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue;

import java.time.Clock;

/** The wiring diagram: adapters' modules around each context's use cases. */
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

        install(new FavouritesModule());
        install(new TestCaseGenerationModule(generation()));
        install(new TravelPolicyFileModule(settings.travelPolicyFile()));
        install(new TripSupportModule());
        install(new TripSupportLlmModule());
        install(new TripAssistantModule());

        // What this instance serves (ROLE): here and in generation(), nowhere else.
        var http = new HttpServer.Config(settings.host(), settings.port(), settings.httpThreads(), settings.shutdownDrain(), settings.accessLog());
        if (settings.role().servesUsers()) {
            install(new HttpModule(http, currentUser(),
                    new LlmRoutes.Limits(settings.llmLimits().callsPerUserPerMinute(), settings.llmLimits().maxConcurrentCalls())));
            install(new FavouritesHttpModule());
            install(new TestCaseGenerationHttpModule());
            // A little longer than one model call may take, so the model adapter's own timeout error reaches the page first.
            install(new TripSupportHttpModule(settings.llm().requestTimeout().plusSeconds(15)));
        } else {
            install(HttpModule.operationsOnly(http));
        }

        var health = HttpModule.healthIndicators(binder());
        health.addBinding().to(DatabaseHealthIndicator.class);
        health.addBinding().to(LlmHealthIndicator.class);
        health.addBinding().to(GenerationWorkersHealthIndicator.class);
        // The injector is built only after every context's migrations ran (Application.start), so this is true here.
        HttpModule.readinessIndicators(binder()).addBinding().toInstance(new MigrationsApplied());
        if (settings.role().runsGenerationWorkers()) {
            HttpModule.readinessIndicators(binder()).addBinding().to(Key.get(GenerationWorkersHealthIndicator.class, Names.named("ready")));
        }
    }

    /** A web instance runs no generation workers, whatever GENERATION_CONCURRENCY says. */
    private Settings.GenerationSettings generation() {
        return settings.role().runsGenerationWorkers() ? settings.generation() : settings.generation().withoutWorkers();
    }

    /** Why an instance runs no workers, for its health report. */
    private String workersOff() {
        return settings.role().runsGenerationWorkers() ? "GENERATION_CONCURRENCY=0" : "ROLE=" + settings.role().name().toLowerCase(java.util.Locale.ROOT);
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

    @Provides @Singleton GenerationWorkersHealthIndicator generationWorkersHealth(GenerationWorkers workers) {
        return GenerationWorkersHealthIndicator.reported(workers, workersOff());
    }

    @Provides @Singleton @Named("ready") GenerationWorkersHealthIndicator generationWorkersReadiness(GenerationWorkers workers) {
        return GenerationWorkersHealthIndicator.required(workers, workersOff());
    }

    @Provides @Singleton GenerationQueueMetrics generationQueueMetrics(GenerationQueue queue, Clock clock) {
        return new GenerationQueueMetrics(queue, clock);
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
