package dev.concierge.bootstrap.testcasegeneration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.bootstrap.Settings;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue.QueueDepth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The generation queue for scaling: every interval one CloudWatch Embedded Metric Format line on stdout, which
 * CloudWatch Logs (the container's log driver) turns into the metrics {@code GenerationJobsQueued},
 * {@code GenerationJobsRunning} and {@code GenerationQueueOldestAgeSeconds} in the configured namespace, without
 * dimensions. The numbers are queue-wide, so every instance of every role prints the same ones: scaling reads their
 * maximum, and keeps a signal while the workers are scaled to zero. The line is written as it is, not through the
 * log encoder: CloudWatch extracts metrics only from a log event that is exactly the JSON document.
 */
final class CloudWatchQueueMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchQueueMetrics.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String QUEUED = "GenerationJobsQueued";
    static final String RUNNING = "GenerationJobsRunning";
    static final String OLDEST_AGE = "GenerationQueueOldestAgeSeconds";

    private final GenerationQueueMetrics queue;
    private final Settings.QueueMetrics settings;
    private final Clock clock;
    private final Consumer<String> out;
    private ScheduledExecutorService timer;
    private boolean unreadable;

    CloudWatchQueueMetrics(GenerationQueueMetrics queue, Settings.QueueMetrics settings, Clock clock, Consumer<String> out) {
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.out = out;
    }

    /** Prints to this process's stdout, one line per interval, the first at once. */
    static CloudWatchQueueMetrics toStandardOutput(GenerationQueueMetrics queue, Settings.QueueMetrics settings, Clock clock) {
        return new CloudWatchQueueMetrics(queue, settings, clock, System.out::println);
    }

    synchronized CloudWatchQueueMetrics start() {
        if (timer != null) return this;
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("queue-metrics").daemon().factory());
        timer.scheduleAtFixedRate(this::publish, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("printing the generation queue's metrics to namespace {} every {} s", settings.namespace(), settings.interval().toSeconds());
        return this;
    }

    /** The document for the queue as it is now; empty while the queue cannot be read (no number beats a wrong one). */
    Optional<String> line() {
        return queue.depth().map(this::document);
    }

    void publish() {
        try {
            Optional<String> line = line();
            if (line.isPresent()) {
                out.accept(line.get());
                if (unreadable) LOG.info("generation queue readable again; queue metrics resume");
                unreadable = false;
            } else if (!unreadable) {
                unreadable = true;
                LOG.warn("could not read the generation queue; no queue metrics until the database answers again");
            }
        } catch (RuntimeException e) {
            LOG.warn("could not print the queue metrics: {}", e.toString()); // a failed run must not end the schedule
        }
    }

    private String document(QueueDepth depth) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", settings.namespace());
        directive.putArray("Dimensions").addArray(); // one empty dimension set: the metrics have no dimensions
        var metrics = directive.putArray("Metrics");
        metrics.addObject().put("Name", QUEUED).put("Unit", "Count");
        metrics.addObject().put("Name", RUNNING).put("Unit", "Count");
        metrics.addObject().put("Name", OLDEST_AGE).put("Unit", "Seconds");
        root.put(QUEUED, depth.queued());
        root.put(RUNNING, depth.running());
        root.put(OLDEST_AGE, depth.oldestQueuedAge().toMillis() / 1000.0);
        return root.toString();
    }

    @Override public synchronized void close() {
        if (timer != null) timer.shutdownNow();
    }
}
