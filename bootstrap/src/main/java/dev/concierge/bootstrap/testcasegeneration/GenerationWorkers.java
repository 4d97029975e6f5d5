package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.domain.testcasegeneration.model.ClaimedJob;
import dev.concierge.domain.testcasegeneration.port.in.ProcessGenerationJobsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This instance's generation workers: {@code concurrency} threads, each claiming one queued job at a time and
 * running it, plus a heartbeat that keeps the leases of running jobs alive. Stopping first stops claiming, lets
 * running jobs finish within a grace period, then hands back whatever is still held so another instance takes it at
 * once instead of waiting for the lease to expire.
 */
final class GenerationWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(GenerationWorkers.class);
    /** After a failed claim (database down), wait at least this long before the next. */
    private static final Duration CLAIM_FAILURE_PAUSE = Duration.ofSeconds(2);

    record Config(String workerId, int concurrency, Duration pollInterval, Duration heartbeatInterval) {
        Config {
            if (concurrency < 0) throw new IllegalArgumentException("concurrency must not be negative");
            if (pollInterval.isNegative() || pollInterval.isZero()) throw new IllegalArgumentException("pollInterval must be positive");
            if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) throw new IllegalArgumentException("heartbeatInterval must be positive");
        }
    }

    private final ProcessGenerationJobsUseCase jobs;
    private final Config config;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Jobs whose processing broke off (the database went away): handed back as soon as the database answers again. */
    private final Queue<ClaimedJob> brokenOff = new ConcurrentLinkedQueue<>();
    private final WorkerWakeUp wakeUp;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean claiming;
    private volatile boolean started;
    private ScheduledExecutorService heartbeat;

    GenerationWorkers(ProcessGenerationJobsUseCase jobs, Config config, WorkerWakeUp wakeUp) {
        this.jobs = jobs;
        this.config = config;
        this.wakeUp = wakeUp;
    }

    /** Unique per process, readable in the jobs table: which host and process holds a lease. */
    static String newWorkerId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    synchronized void start() {
        if (started) return;
        started = true;
        if (config.concurrency() == 0) {
            LOG.info("generation workers off on this instance (GENERATION_CONCURRENCY=0)");
            return;
        }
        claiming = true;
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("generation-heartbeat").daemon().factory());
        long every = config.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        for (int i = 1; i <= config.concurrency(); i++) {
            threads.add(Thread.ofPlatform().name("generation-worker-" + i).daemon().start(this::work));
        }
        LOG.info("{} generation worker(s) started as {}", config.concurrency(), config.workerId());
    }

    /** Claiming new work; false once stopping began or every worker thread ended. */
    boolean running() { return claiming && threads.stream().anyMatch(Thread::isAlive); }

    int concurrency() { return config.concurrency(); }

    String workerId() { return config.workerId(); }

    int jobsInProgress() { return inFlight.size(); }

    /** First step of shutdown: no new claims; running jobs go on. */
    void stopClaiming() {
        claiming = false;
        wakeUp.wakeAll();
    }

    /** Stops claiming, waits up to {@code grace} for running jobs, then hands back the rest and ends the threads. */
    synchronized void stop(Duration grace) {
        if (!started) return;
        stopClaiming();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) join(thread, Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        if (!threads.isEmpty()) {
            try {
                int handedBack = jobs.handBack(config.workerId());
                if (handedBack > 0) LOG.info("handed back {} running generation job(s) for another instance", handedBack);
            } catch (RuntimeException e) {
                LOG.warn("could not hand back running generation jobs ({}); they are taken over when their lease expires", e.getMessage());
            }
        }
        // A job still running here now belongs to the queue again: its result would be refused, so stop it.
        for (Thread thread : threads) thread.interrupt();
        for (Thread thread : threads) join(thread, 2_000);
        if (heartbeat != null) heartbeat.shutdownNow();
        threads.clear();
        LOG.info("generation workers stopped");
    }

    private void work() {
        boolean failing = false;
        while (claiming) {
            long seen = wakeUp.seen();
            List<ClaimedJob> claimed;
            try {
                handBackBrokenOff();
                claimed = jobs.claim(config.workerId(), 1);
                if (failing) LOG.info("generation queue reachable again");
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) LOG.warn("could not claim generation jobs: {}; retrying", e.getMessage());
                failing = true;
                pause(CLAIM_FAILURE_PAUSE.compareTo(config.pollInterval()) > 0 ? CLAIM_FAILURE_PAUSE : config.pollInterval(), seen);
                continue;
            }
            if (claimed.isEmpty()) {
                pause(config.pollInterval(), seen);
                continue;
            }
            for (ClaimedJob job : claimed) run(job);
        }
    }

    private void run(ClaimedJob job) {
        inFlight.add(job.id());
        // named in the job's log lines and in its model calls' spans
        try (var traced = MDC.putCloseable(LlmCallTraces.JOB, Long.toString(job.id()));
             var testCase = MDC.putCloseable(LlmCallTraces.TEST_CASE, String.valueOf(job.testCase().value()))) {
            jobs.process(job);
        } catch (RuntimeException e) {
            // A database outage, say: the job is handed back once the database answers, and no later than its lease.
            LOG.warn("generation job {} stopped unexpectedly: {}; it is handed back once the queue is reachable", job.id(), e.toString());
            brokenOff.add(job);
        } finally {
            inFlight.remove(job.id());
            Thread.interrupted(); // an interrupt meant for this job must not end the next wait
        }
    }

    /** Throws while the database is still away; the job stays in the list for the next try. */
    private void handBackBrokenOff() {
        for (ClaimedJob job; (job = brokenOff.peek()) != null; ) {
            if (jobs.handBack(job)) LOG.info("generation job {} handed back after its processing broke off", job.id());
            brokenOff.remove(job);
        }
    }

    private void renewLeases() {
        try {
            jobs.heartbeat(config.workerId(), List.copyOf(inFlight));
        } catch (RuntimeException e) {
            LOG.warn("could not renew generation leases: {}", e.getMessage());
        }
    }

    private void pause(Duration duration, long seen) {
        if (!claiming) return;
        try {
            wakeUp.await(duration, seen);
        } catch (InterruptedException e) {
            // stop() interrupts only after claiming ended, which the loop sees next
        }
    }

    private static void join(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
