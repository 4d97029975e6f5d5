package dev.concierge.bootstrap.testcasegeneration;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationHttpModule;
import dev.concierge.adapter.http.wiring.HttpModule;
import dev.concierge.bootstrap.BackgroundWork;
import dev.concierge.bootstrap.ContextModule;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;

/** Test-case generation: its use cases and workers, its API and pages, the queue's gauges and the workers' health. */
public final class TestCaseGenerationContext implements ContextModule {
    @Override public Module module(Settings settings) { return new Wiring(settings.generation()); }

    private static final class Wiring extends AbstractModule {
        private final Settings.GenerationSettings settings;

        Wiring(Settings.GenerationSettings settings) { this.settings = settings; }

        @Override protected void configure() {
            install(new TestCaseGenerationModule(settings));
            install(new TestCaseGenerationHttpModule());
            HttpModule.healthIndicators(binder()).addBinding().to(GenerationWorkersHealthIndicator.class);
            HttpModule.readinessIndicators(binder()).addBinding().to(Key.get(GenerationWorkersHealthIndicator.class, Names.named("ready")));
            // Gauges first, then the workers: they claim from tables the migrations made.
            ContextModule.backgroundWork(binder()).addBinding().to(Key.get(BackgroundWork.class, Names.named("queueGauges")));
            ContextModule.backgroundWork(binder()).addBinding().to(Key.get(BackgroundWork.class, Names.named("workers")));
        }

        @Provides @Singleton @Named("queueGauges") BackgroundWork queueGauges(GenerationQueue queue, Clock clock, MeterRegistry meters) {
            return () -> GenerationQueueMetrics.register(queue, clock, meters);
        }

        @Provides @Singleton @Named("workers") BackgroundWork workers(GenerationWorkers workers) {
            return new BackgroundWork() {
                @Override public void start() { workers.start(); }

                @Override public void stopTaking() { workers.stopClaiming(); }

                @Override public void stop(Duration grace) { workers.stop(grace); }
            };
        }

        @Provides @Singleton GenerationWorkersHealthIndicator generationWorkersHealth(GenerationWorkers workers) {
            return GenerationWorkersHealthIndicator.reported(workers);
        }

        @Provides @Singleton @Named("ready") GenerationWorkersHealthIndicator generationWorkersReadiness(GenerationWorkers workers) {
            return GenerationWorkersHealthIndicator.required(workers);
        }
    }
}
