package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue.QueueDepth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The generation queue's state, queue-wide (every instance reads the same numbers): jobs queued, running, and the
 * age of the oldest queued one. One query answers all of them, at most every {@link #REFRESH}, however often
 * Prometheus scrapes {@code /metrics} and however often {@link CloudWatchQueueMetrics} prints; while the database is
 * down there is no reading (the gauges read NaN).
 */
final class GenerationQueueMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(GenerationQueueMetrics.class);
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final GenerationQueue queue;
    private final Clock clock;
    private QueueDepth last;
    private long readAtNanos;

    GenerationQueueMetrics(GenerationQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** {@code generation.jobs{state}} (queued, running) and {@code generation.jobs.oldest.queued.age} in seconds. */
    void register(MeterRegistry registry) {
        gauge(registry, "generation.jobs", "queued", "Generation jobs waiting to run", d -> d.queued());
        gauge(registry, "generation.jobs", "running", "Generation jobs running on some instance", d -> d.running());
        Gauge.builder("generation.jobs.oldest.queued.age", this, m -> m.read(d -> d.oldestQueuedAge().toMillis() / 1000.0))
                .description("Age of the oldest queued generation job").baseUnit("seconds").tag("state", "queued")
                .strongReference(true).register(registry);
    }

    /** The latest reading, at most {@link #REFRESH} old; empty while the queue cannot be read. */
    synchronized Optional<QueueDepth> depth() {
        long now = System.nanoTime();
        if (last == null || now - readAtNanos > REFRESH.toNanos()) {
            readAtNanos = now;
            try {
                last = queue.depth(clock.instant());
            } catch (RuntimeException e) {
                LOG.debug("could not read the generation queue's depth: {}", e.getMessage());
                last = null;
            }
        }
        return Optional.ofNullable(last);
    }

    private void gauge(MeterRegistry registry, String name, String state, String description, ToDoubleFunction<QueueDepth> value) {
        Gauge.builder(name, this, m -> m.read(value)).description(description).tag("state", state)
                .strongReference(true).register(registry); // nothing else holds this object: a weak one would read NaN after a GC
    }

    private double read(ToDoubleFunction<QueueDepth> value) {
        return depth().map(value::applyAsDouble).orElse(Double.NaN);
    }
}
