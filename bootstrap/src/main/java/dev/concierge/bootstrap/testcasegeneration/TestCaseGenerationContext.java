package dev.concierge.bootstrap.testcasegeneration;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.concierge.adapter.http.testcasegeneration.SuiteExportWriter;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationHttpModule;
import dev.concierge.adapter.http.wiring.HttpModule;
import dev.concierge.bootstrap.BackgroundWork;
import dev.concierge.bootstrap.ContextModule;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.testcasegeneration.port.in.RunExportsUseCase;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue;
import dev.concierge.domain.testcasegeneration.port.out.SuiteDocuments;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Test-case generation: its use cases and workers (none when {@code ROLE=web}), the export worker (only where users
 * are served), the queue's gauges and CloudWatch
 * lines (in every role: the web tier keeps the signal while workers are scaled to zero), the workers' health, and
 * its API and pages.
 */
public final class TestCaseGenerationContext implements ContextModule {
    @Override public Module module(Settings settings) { return new Wiring(settings); }

    @Override public Module httpModule(Settings settings) { return new TestCaseGenerationHttpModule(); }

    private static final class Wiring extends AbstractModule {
        private final Settings settings;

        Wiring(Settings settings) { this.settings = settings; }

        @Override protected void configure() {
            install(new TestCaseGenerationModule(generation()));
            bind(SuiteDocuments.class).toInstance(documents(new SuiteExportWriter()));
            HttpModule.healthIndicators(binder()).addBinding().to(GenerationWorkersHealthIndicator.class);
            if (settings.role().runsGenerationWorkers()) {
                HttpModule.readinessIndicators(binder()).addBinding().to(Key.get(GenerationWorkersHealthIndicator.class, Names.named("ready")));
            }
            // Gauges first, then the workers: they claim from tables the migrations made.
            ContextModule.backgroundWork(binder()).addBinding().to(Key.get(BackgroundWork.class, Names.named("queueMetrics")));
            ContextModule.backgroundWork(binder()).addBinding().to(Key.get(BackgroundWork.class, Names.named("workers")));
            // Exports are files users wait for on a page: made where users are served (ROLE all and web).
            if (settings.role().servesUsers()) {
                ContextModule.backgroundWork(binder()).addBinding().to(Key.get(BackgroundWork.class, Names.named("exports")));
            }
        }

        /**
         * The HTTP adapter's file formats (the same as a direct download) for the background exports, in every role. A
         * driving adapter implements no driven port, so the port is met here, in the wiring.
         */
        private static SuiteDocuments documents(SuiteExportWriter writer) {
            return new SuiteDocuments() {
                @Override public String contentType(ExportFormat format) { return writer.contentType(format); }

                @Override public void write(SuiteExport export, ExportFormat format, Language language, OutputStream out) throws IOException {
                    writer.write(export, format, language, out);
                }
            };
        }

        /** A web instance runs no generation workers, whatever GENERATION_CONCURRENCY says. */
        private Settings.GenerationSettings generation() {
            return settings.role().runsGenerationWorkers() ? settings.generation() : settings.generation().withoutWorkers();
        }

        /** Why an instance runs no workers, for its health report. */
        private String workersOff() {
            return settings.role().runsGenerationWorkers() ? "GENERATION_CONCURRENCY=0" : "ROLE=" + settings.role().name().toLowerCase(Locale.ROOT);
        }

        @Provides @Singleton GenerationQueueMetrics generationQueueMetrics(GenerationQueue queue, Clock clock) {
            return new GenerationQueueMetrics(queue, clock);
        }

        @Provides @Singleton @Named("queueMetrics") BackgroundWork queueMetrics(GenerationQueueMetrics queue, MeterRegistry meters) {
            return new BackgroundWork() {
                private Optional<CloudWatchQueueMetrics> lines = Optional.empty();

                @Override public void start() {
                    queue.register(meters);
                    lines = settings.queueMetrics().map(metrics -> CloudWatchQueueMetrics.toStandardOutput(queue, metrics, Clock.systemUTC()).start());
                }

                @Override public void stop(Duration grace) { lines.ifPresent(CloudWatchQueueMetrics::close); }
            };
        }

        @Provides @Singleton @Named("workers") BackgroundWork workers(GenerationWorkers workers) {
            return new BackgroundWork() {
                @Override public void start() { workers.start(); }

                @Override public void stopTaking() { workers.stopClaiming(); }

                @Override public void stop(Duration grace) { workers.stop(grace); }
            };
        }

        /** Asks for the use case so that the service exists (and has handed itself to the worker) before it starts. */
        @Provides @Singleton @Named("exports") BackgroundWork exports(ExportWorker worker, RunExportsUseCase exports) {
            return new BackgroundWork() {
                @Override public void start() { worker.start(); }

                @Override public void stop(Duration grace) { worker.stop(grace); }
            };
        }

        @Provides @Singleton GenerationWorkersHealthIndicator generationWorkersHealth(GenerationWorkers workers) {
            return GenerationWorkersHealthIndicator.reported(workers, workersOff());
        }

        @Provides @Singleton @Named("ready") GenerationWorkersHealthIndicator generationWorkersReadiness(GenerationWorkers workers) {
            return GenerationWorkersHealthIndicator.required(workers, workersOff());
        }
    }
}
