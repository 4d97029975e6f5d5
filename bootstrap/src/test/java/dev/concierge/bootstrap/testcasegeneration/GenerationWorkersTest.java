package dev.concierge.bootstrap.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.BatchId;
import dev.concierge.domain.testcasegeneration.model.ClaimedJob;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.in.ProcessGenerationJobsUseCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationWorkersTest {
    private final FakeJobs jobs = new FakeJobs();
    private final WorkerWakeUp wakeUp = new WorkerWakeUp();
    private GenerationWorkers workers;

    @AfterEach void stop() { if (workers != null) workers.stop(Duration.ZERO); }

    private GenerationWorkers start(int concurrency) { return start(concurrency, Duration.ofMillis(20)); }

    private GenerationWorkers start(int concurrency, Duration pollInterval) {
        workers = new GenerationWorkers(jobs, new GenerationWorkers.Config("test-worker", concurrency, pollInterval, Duration.ofMillis(50)), wakeUp);
        workers.start();
        return workers;
    }

    @Test void every_queued_job_is_processed_by_the_workers() throws Exception {
        jobs.queue(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        start(3);

        assertThat(jobs.allProcessed.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.processed).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(workers.running()).isTrue();
    }

    @Test void no_more_jobs_run_at_once_than_the_concurrency() throws Exception {
        jobs.queue(1, 2, 3, 4, 5, 6);
        jobs.slow = true;
        start(2);

        assertThat(jobs.allProcessed.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.mostAtOnce).hasValueLessThanOrEqualTo(2);
    }

    @Test void leases_of_running_jobs_are_renewed_while_they_run() throws Exception {
        jobs.queue(7);
        jobs.blockUntilReleased = true;
        start(1);

        assertThat(jobs.started.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.heartbeatSeen.await(30, TimeUnit.SECONDS)).isTrue();
        jobs.release.countDown();
    }

    @Test void stopping_stops_claiming_and_hands_back_what_is_still_running() throws Exception {
        jobs.queue(1, 2);
        jobs.blockUntilReleased = true;
        start(1);
        assertThat(jobs.started.await(30, TimeUnit.SECONDS)).isTrue();

        workers.stop(Duration.ofMillis(100));

        assertThat(jobs.handedBack).containsExactly("test-worker");
        assertThat(jobs.processed).as("the job still running was interrupted, the queued one never claimed").containsExactly(1L);
        assertThat(jobs.queued).containsExactly(2L);
        assertThat(workers.running()).isFalse();
    }

    @Test void idle_workers_start_on_jobs_queued_here_without_waiting_for_their_next_poll() throws Exception {
        start(2, Duration.ofHours(1));
        while (jobs.claims.get() < 2) Thread.onSpinWait(); // both found the queue empty and wait an hour to poll again

        jobs.queue(1, 2);
        wakeUp.jobsQueued();

        assertThat(jobs.allProcessed.await(30, TimeUnit.SECONDS)).as("processed long before the next poll").isTrue();
        assertThat(jobs.processed).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test void stopping_wakes_idle_workers_at_once() throws Exception {
        start(1, Duration.ofHours(1));
        while (jobs.claims.get() < 1) Thread.onSpinWait();

        workers.stop(Duration.ofSeconds(30));

        assertThat(workers.running()).isFalse();
        assertThat(jobs.claims).as("no claim after stopping").hasValue(1);
    }

    @Test void a_job_broken_off_by_a_database_outage_is_handed_back_as_soon_as_the_database_answers() throws Exception {
        jobs.queue(1, 2);
        jobs.breakOffWithOutage = 1L;
        start(1);
        while (!jobs.databaseDown && jobs.processed.isEmpty()) Thread.onSpinWait();
        Thread.sleep(200);
        assertThat(jobs.handedBackJobs).as("not while the database is away").isEmpty();

        jobs.databaseDown = false;

        assertThat(jobs.allProcessed.await(30, TimeUnit.SECONDS)).as("both processed after the outage").isTrue();
        assertThat(jobs.handedBackJobs).as("the broken-off job went back to the queue, not waiting for its lease").containsExactly(1L);
        assertThat(jobs.processed).containsExactly(2L, 1L);
    }

    @Test void with_no_concurrency_nothing_is_claimed() throws Exception {
        jobs.queue(1);
        start(0);
        Thread.sleep(100);

        assertThat(jobs.claims).hasValue(0);
        assertThat(workers.running()).isFalse();
    }

    /** A queue of job ids; processing records the job and can be made slow or blocking. */
    static final class FakeJobs implements ProcessGenerationJobsUseCase {
        final ConcurrentLinkedQueue<Long> queued = new ConcurrentLinkedQueue<>();
        final List<Long> processed = new CopyOnWriteArrayList<>();
        final List<String> handedBack = new CopyOnWriteArrayList<>();
        final AtomicInteger claims = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch heartbeatSeen = new CountDownLatch(1);
        volatile CountDownLatch allProcessed = new CountDownLatch(0);
        volatile boolean slow;

        void queue(long... ids) {
            allProcessed = new CountDownLatch(ids.length);
            for (long id : ids) queued.add(id);
        }
        volatile boolean blockUntilReleased;

        final List<Long> handedBackJobs = new CopyOnWriteArrayList<>();
        volatile boolean databaseDown;
        volatile Long breakOffWithOutage;

        @Override public List<ClaimedJob> claim(String worker, int max) {
            if (databaseDown) throw new IllegalStateException("connection refused");
            claims.incrementAndGet();
            List<ClaimedJob> claimed = new ArrayList<>();
            Long id;
            while (claimed.size() < max && (id = queued.poll()) != null) {
                claimed.add(new ClaimedJob(id, BatchId.random(), new TestCaseId(id), 1, worker));
            }
            return claimed;
        }

        @Override public void process(ClaimedJob job) {
            if (Long.valueOf(job.id()).equals(breakOffWithOutage)) {
                breakOffWithOutage = null;
                databaseDown = true;
                throw new IllegalStateException("connection refused while recording the result");
            }
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                started.countDown();
                if (slow) Thread.sleep(30);
                if (blockUntilReleased) release.await();
                processed.add(job.id());
                allProcessed.countDown();
            } catch (InterruptedException e) {
                processed.add(job.id()); // interrupted by stop(): it ran, and its result is refused by the queue
            } finally {
                running.decrementAndGet();
            }
        }

        @Override public void heartbeat(String worker, Collection<Long> jobIds) {
            if (!jobIds.isEmpty()) heartbeatSeen.countDown();
        }

        @Override public boolean handBack(ClaimedJob job) {
            if (databaseDown) throw new IllegalStateException("connection refused");
            handedBackJobs.add(job.id());
            queued.add(job.id());
            return true;
        }

        @Override public int handBack(String worker) {
            handedBack.add(worker);
            return 1;
        }
    }
}
