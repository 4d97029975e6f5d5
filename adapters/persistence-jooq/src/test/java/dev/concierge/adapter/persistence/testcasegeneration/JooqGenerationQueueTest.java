package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.application.GenerationService;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchId;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ClaimedJob;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.RetryPolicy;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue;
import dev.concierge.domain.testcasegeneration.port.out.JobsQueued;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.GENERATION_JOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JooqGenerationQueueTest {
    private static final UserId ALICE = new UserId("alice");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static TestDatabase db;
    private DSLContext sql;
    private JooqTransactions transactions;
    private JooqTestCaseRepository cases;
    private JooqSuiteRepository suites;
    private JooqGenerationQueue queue;
    private Suite suite;

    @BeforeAll static void migrate() { db = TestDatabase.migrated(); }

    @AfterAll static void closeDatabase() { db.close(); }

    @BeforeEach void emptyTables() {
        sql = Jooq.context(db.dataSource());
        TestCaseGenerationTables.empty(sql);
        transactions = new JooqTransactions(sql);
        suites = new JooqSuiteRepository(transactions);
        cases = new JooqTestCaseRepository(transactions);
        queue = new JooqGenerationQueue(transactions);
        suite = suites.create(new NewSuite("Login", ""), "qa", ALICE, Instant.now());
    }


    private List<TestCaseId> drafts(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> cases.create(suite.id(), new TestCaseContent(new TestCaseKey("TC-" + i),
                "Case " + i, "", "", "", "", Priority.MEDIUM, List.of()), Instant.now()).id()).toList();
    }

    private Batch batchOf(List<TestCaseId> ids) {
        Batch batch = new Batch(BatchId.random(), suite.id(), ALICE, Instant.now(), ids.size(), false);
        queue.enqueue(batch, ids);
        return batch;
    }

    private void expireLeases() {
        sql.update(GENERATION_JOBS).set(GENERATION_JOBS.LEASE_UNTIL, OffsetDateTime.now().minusSeconds(1))
                .where(GENERATION_JOBS.STATE.eq("running")).execute();
    }

    private OffsetDateTime leaseUntil(long jobId) {
        return sql.select(GENERATION_JOBS.LEASE_UNTIL).from(GENERATION_JOBS).where(GENERATION_JOBS.ID.eq(jobId)).fetchSingle().value1();
    }

    @Test void two_worker_pools_competing_claim_every_job_exactly_once() throws Exception {
        Batch batch = batchOf(drafts(200));
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        AtomicInteger refusedCompletions = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pools = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String worker = (i % 2 == 0 ? "pool-a-" : "pool-b-") + i;
            workers.add(pools.submit(() -> {
                start.await();
                for (List<ClaimedJob> jobs = queue.claim(worker, 3, LEASE); !jobs.isEmpty(); jobs = queue.claim(worker, 3, LEASE)) {
                    for (ClaimedJob job : jobs) {
                        claimed.add(job.id());
                        if (!queue.succeeded(job)) refusedCompletions.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) worker.get(60, TimeUnit.SECONDS);
        pools.shutdown();

        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
        assertThat(refusedCompletions).hasValue(0);
        assertThat(queue.progress(batch, Instant.now()).counts()).containsEntry(JobState.SUCCEEDED, 200);
    }

    @Test void a_leased_job_is_not_claimed_again_until_its_lease_expires() {
        batchOf(drafts(1));
        ClaimedJob first = queue.claim("w1", 5, LEASE).getFirst();

        assertThat(queue.claim("w2", 5, LEASE)).isEmpty();
        expireLeases();
        List<ClaimedJob> reclaimed = queue.claim("w2", 5, LEASE);

        assertThat(reclaimed).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(first.id());
            assertThat(job.attempt()).isEqualTo(2);
            assertThat(job.worker()).isEqualTo("w2");
        });
        assertThat(queue.succeeded(first)).as("the first holder's claim no longer holds").isFalse();
        assertThat(queue.succeeded(reclaimed.getFirst())).isTrue();
    }

    @Test void a_heartbeat_extends_only_the_leases_the_worker_holds() {
        batchOf(drafts(2));
        List<ClaimedJob> jobs = new ArrayList<>(queue.claim("w1", 1, Duration.ofSeconds(5)));
        jobs.addAll(queue.claim("w2", 1, Duration.ofSeconds(5)));
        OffsetDateTime before = leaseUntil(jobs.get(1).id());

        queue.heartbeat("w1", List.of(jobs.get(0).id(), jobs.get(1).id()), Duration.ofMinutes(10));

        assertThat(leaseUntil(jobs.get(0).id())).isAfter(OffsetDateTime.now().plusMinutes(9));
        assertThat(leaseUntil(jobs.get(1).id())).isEqualTo(before);
    }

    @Test void handing_back_makes_a_workers_jobs_claimable_at_once_by_another() {
        batchOf(drafts(3));
        queue.claim("stopping", 2, LEASE);

        assertThat(queue.releaseAll("stopping")).isEqualTo(2);

        assertThat(queue.claim("other", 5, LEASE)).hasSize(3);
    }

    @Test void a_job_retried_later_is_not_claimed_before_its_time() {
        batchOf(drafts(1));
        ClaimedJob job = queue.claim("w1", 1, LEASE).getFirst();

        assertThat(queue.retryLater(job, Instant.now().plusSeconds(60), "model unavailable")).isTrue();
        assertThat(queue.claim("w1", 1, LEASE)).isEmpty();
        sql.update(GENERATION_JOBS).set(GENERATION_JOBS.RUN_AFTER, OffsetDateTime.now().minusSeconds(1)).execute();
        assertThat(queue.claim("w1", 1, LEASE)).singleElement().satisfies(j -> assertThat(j.attempt()).isEqualTo(2));
    }

    @Test void a_failed_job_keeps_its_reason_and_is_not_claimed_again() {
        batchOf(drafts(1));
        ClaimedJob job = queue.claim("w1", 1, LEASE).getFirst();

        assertThat(queue.failed(job, "The model returned an invalid procedure 3 times.")).isTrue();

        assertThat(queue.claim("w1", 1, LEASE)).isEmpty();
        assertThat(sql.select(GENERATION_JOBS.LAST_ERROR).from(GENERATION_JOBS).fetchSingle().value1())
                .isEqualTo("The model returned an invalid procedure 3 times.");
    }

    @Test void a_case_with_an_unfinished_job_cannot_be_queued_in_another_batch() {
        List<TestCaseId> ids = drafts(1);
        batchOf(ids);

        assertThatThrownBy(() -> batchOf(ids)).isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("already_queued"));
        assertThat(queue.depth(Instant.now()).queued()).isEqualTo(1);
    }

    @Test void cancelling_stops_queued_jobs_and_leaves_running_ones() {
        List<TestCaseId> ids = drafts(3);
        Batch batch = batchOf(ids);
        ClaimedJob running = queue.claim("w1", 1, LEASE).getFirst();

        List<TestCaseId> cancelled = queue.cancel(batch.id());

        assertThat(cancelled).containsExactlyInAnyOrderElementsOf(ids.stream().filter(id -> !id.equals(running.testCase())).toList());
        assertThat(queue.claim("w2", 5, LEASE)).isEmpty();
        assertThat(queue.batch(batch.id())).hasValueSatisfying(b -> assertThat(b.cancelled()).isTrue());
        assertThat(queue.succeeded(running)).isTrue();
        assertThat(queue.progress(batch, Instant.now()).counts()).containsEntry(JobState.CANCELLED, 2).containsEntry(JobState.SUCCEEDED, 1);
    }

    @Test void progress_counts_each_state_of_the_batch_only() {
        Batch batch = batchOf(drafts(5));
        batchOf(otherSuiteDrafts());
        List<ClaimedJob> claimed = queue.claim("w1", 3, LEASE);
        queue.succeeded(claimed.get(0));
        queue.failed(claimed.get(1), "broken");

        BatchProgress progress = queue.progress(batch, Instant.now());

        assertThat(progress.counts()).containsEntry(JobState.QUEUED, 2).containsEntry(JobState.RUNNING, 1)
                .containsEntry(JobState.SUCCEEDED, 1).containsEntry(JobState.FAILED, 1).containsEntry(JobState.CANCELLED, 0);
        assertThat(progress.total()).isEqualTo(5);
        assertThat(progress.firstFinishedAt()).isPresent();
        assertThat(queue.depth(Instant.now())).satisfies(d -> {
            assertThat(d.running()).isEqualTo(1);
            assertThat(d.queued()).isEqualTo(2 + 2);
        });
    }

    private List<TestCaseId> otherSuiteDrafts() {
        Suite other = suites.create(new NewSuite("Other", ""), "qa", ALICE, Instant.now());
        return List.of(cases.create(other.id(), new TestCaseContent(new TestCaseKey("X-1"), "x", "", "", "", "", Priority.LOW, List.of()), Instant.now()).id(),
                cases.create(other.id(), new TestCaseContent(new TestCaseKey("X-2"), "y", "", "", "", "", Priority.LOW, List.of()), Instant.now()).id());
    }

    @Test void batches_of_a_suite_are_listed_newest_first() {
        Batch older = new Batch(BatchId.random(), suite.id(), ALICE, Instant.now().minusSeconds(60), 1, false);
        queue.enqueue(older, drafts(1));
        Batch newer = batchOf(List.of(cases.create(suite.id(), new TestCaseContent(new TestCaseKey("N-1"), "n", "", "", "", "",
                Priority.LOW, List.of()), Instant.now()).id()));

        var page = queue.batches(suite.id(), PageRequest.first());

        assertThat(page.items()).extracting(Batch::id).containsExactly(newer.id(), older.id());
        assertThat(page.total()).isEqualTo(2);
    }

    // --- with the generation service: applying a result is idempotent on the real database

    @Test void a_job_that_ran_twice_yields_one_generated_revision() {
        AtomicInteger calls = new AtomicInteger();
        GenerationService service = new GenerationService(suites, cases, queue, request -> {
            calls.incrementAndGet();
            return new Procedure(List.of(new Step("Step of call " + calls.get(), "Shown")));
        }, Optional::empty, transactions, new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 3), LEASE, JobsQueued.nobody(), Clock.systemUTC());
        Actor alice = new Actor(ALICE, Set.of("qa"));
        TestCaseId id = drafts(1).getFirst();
        service.generate(new GenerateProceduresCommand(alice, suite.id(), List.of()));
        ClaimedJob slow = service.claim("slow-worker", 1).getFirst();
        expireLeases();
        ClaimedJob takeover = service.claim("second-worker", 1).getFirst();

        service.process(takeover);
        service.process(slow);
        service.process(takeover);

        TestCase result = cases.find(id).orElseThrow();
        assertThat(result.status()).isEqualTo(CaseStatus.GENERATED);
        assertThat(cases.revisions(id)).singleElement().satisfies(r -> assertThat(r.procedure().steps().getFirst().action()).isEqualTo("Step of call 1"));
        assertThat(result.procedure().orElseThrow().number()).isEqualTo(1);
        assertThat(calls).hasValue(1);
    }

    @Test void the_module_binds_every_port_to_one_shared_transaction_manager() {
        var injector = com.google.inject.Guice.createInjector(binder -> binder.bind(DSLContext.class).toInstance(sql),
                new TestCaseGenerationPersistenceModule());

        assertThat(injector.getInstance(GenerationQueue.class)).isInstanceOf(JooqGenerationQueue.class);
        assertThat(injector.getInstance(dev.concierge.domain.testcasegeneration.port.out.Transactions.class))
                .isSameAs(injector.getInstance(JooqTransactions.class));
        assertThat(injector.getInstance(dev.concierge.domain.testcasegeneration.port.out.SuiteRepository.class).find(suite.id())).contains(suite);
    }
}
