package dev.concierge.bootstrap;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.concierge.adapter.http.HttpServer;
import dev.concierge.adapter.persistence.Database;
import dev.concierge.adapter.persistence.DatabaseConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** One running Concierge: database (migrated), injector, HTTP server; stopped in the reverse order. */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    /** How long start-up waits for an external database that is not up yet (e.g. a cluster still starting). */
    private static final Duration DATABASE_WAIT = Duration.ofSeconds(60);

    private final Database database;
    private final Injector injector;
    private final HttpServer server;
    private final List<BackgroundWork> background;
    private final Duration shutdownGrace;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private OpenTelemetryTracing tracing = OpenTelemetryTracing.off();

    private Application(Database database, Injector injector, HttpServer server, List<BackgroundWork> background, Duration shutdownGrace) {
        this.database = database;
        this.injector = injector;
        this.server = server;
        this.background = background;
        this.shutdownGrace = shutdownGrace;
    }

    public static Application start(Settings settings) {
        Instant started = Instant.now();
        OpenTelemetryTracing tracing = OpenTelemetryTracing.from(settings.openTelemetry());
        Database database = Database.open(new DatabaseConfig(settings.databaseUrl(), settings.databaseUser(),
                settings.databasePassword(), settings.dataDirectory(), settings.databasePoolSize(),
                settings.databaseMigration().map(owner -> new DatabaseConfig.Owner(owner.user(), owner.password()))));
        try {
            migrate(database);
            Injector injector = createInjector(settings, database, tracing);
            database.recordPoolMetrics(injector.getInstance(MeterRegistry.class));
            // Contexts' background work (job workers, queue metrics) only after the migrations: it works on tables that must exist.
            List<BackgroundWork> background = new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<BackgroundWork>>() {})));
            List<BackgroundWork> running = new ArrayList<>();
            HttpServer server;
            try {
                for (BackgroundWork work : background) {
                    work.start();
                    running.add(work);
                }
                server = injector.getInstance(HttpServer.class).start();
            } catch (RuntimeException | Error e) {
                running.forEach(work -> work.stop(Duration.ZERO));
                throw e;
            }
            LOG.info("Concierge started as ROLE={} in {} ms on http://localhost:{}", settings.role().name().toLowerCase(java.util.Locale.ROOT),
                    Duration.between(started, Instant.now()).toMillis(), server.port());
            Application application = new Application(database, injector, server, background, settings.shutdownDrain());
            application.tracing = tracing;
            return application;
        } catch (RuntimeException | Error e) {
            tracing.close();
            database.close(); // also stops the embedded server, which would otherwise outlive us
            throw e;
        }
    }

    /**
     * Guice's report shortens anything that looks like a class name (a policy key such as {@code per.diem.B} becomes
     * {@code B}); when every error has the same cause, that cause's own message says best what to fix.
     */
    private static Injector createInjector(Settings settings, Database database, OpenTelemetryTracing tracing) {
        try {
            return Guice.createInjector(Stage.PRODUCTION, new ConciergeModule(settings, database), tracing.module(settings.llm()));
        } catch (CreationException e) {
            // One failing provider is reported once per binding that needs it: the same cause, many times.
            var causes = e.getErrorMessages().stream().map(message -> message.getCause() == null ? null : message.getCause().getMessage())
                    .distinct().toList();
            if (causes.size() == 1 && causes.getFirst() != null) throw new IllegalStateException(causes.getFirst(), e);
            throw e;
        }
    }

    private static void migrate(Database database) {
        Instant deadline = Instant.now().plus(DATABASE_WAIT);
        while (true) {
            try {
                database.migrate();
                return;
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not migrate the database within " + DATABASE_WAIT.toSeconds()
                            + " s: " + e.getMessage() + " — check that PostgreSQL is running and DATABASE_URL is right.", e);
                }
                LOG.warn("database not ready yet ({}); retrying", e.getMessage());
                sleep(Duration.ofSeconds(2));
            }
        }
    }

    public int port() { return server.port(); }

    public Injector injector() { return injector; }

    /**
     * Stop taking background work (generation jobs) and accepting requests, let in-flight requests and work finish
     * (jobs still running after the drain time are handed back to the queue for another instance), then close the
     * pool (and the embedded server).
     */
    @Override public void close() {
        if (!stopped.compareAndSet(false, true)) return;
        LOG.info("stopping: no new background work (e.g. generation jobs), draining requests");
        background.forEach(BackgroundWork::stopTaking);
        Instant deadline = Instant.now().plus(shutdownGrace); // one drain time for requests and background work together
        try {
            server.stop();
        } finally {
            try {
                for (BackgroundWork work : background) {
                    Duration left = Duration.between(Instant.now(), deadline);
                    work.stop(left.isNegative() ? Duration.ZERO : left);
                }
            } finally {
                database.close();
                tracing.close();
                LOG.info("stopped");
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
