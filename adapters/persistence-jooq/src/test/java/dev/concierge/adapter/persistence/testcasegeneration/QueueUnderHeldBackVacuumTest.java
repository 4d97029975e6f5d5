package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchId;
import dev.concierge.domain.testcasegeneration.model.ClaimedJob;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction left open elsewhere (a forgotten psql session, a long report) holds back vacuum while a large batch
 * runs through the queue: every claim and completion leaves dead row versions vacuum may not remove, and claims must
 * step over them. The batch must still finish every job exactly once within a bound; the dead tuples and how claim
 * time grew are printed for {@code bench/README.md}. The full size, 10,000 jobs, runs in the test command (about a
 * minute); {@code -Dqueue.vacuum.jobs=N} tries another.
 */
class QueueUnderHeldBackVacuumTest {
    private static final int JOBS = Integer.getInteger("queue.vacuum.jobs", 10_000);
    private static final int WORKERS = 4;
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** 25 ms per job: about six times what 10,000 jobs took on a loaded shared 2-core machine (4.2 ms); claims that grew with the dead rows would blow it. */
    private static final Duration BOUND = Duration.ofMillis(25L * JOBS);

    private static TestDatabase db;

    @BeforeAll static void migrate() { db = TestDatabase.migrated(); }

    @AfterAll static void closeDatabase() { db.close(); }

    @Test void a_large_batch_finishes_exactly_once_while_an_open_transaction_holds_back_vacuum() throws Exception {
        DSLContext sql = Jooq.context(db.dataSource());
        TestCaseGenerationTables.empty(sql);
        var transactions = new JooqTransactions(sql);
        var queue = new JooqGenerationQueue(transactions);
        Suite suite = new JooqSuiteRepository(transactions).create(new NewSuite("Vacuum", ""), "qa", new UserId("alice"), Instant.now());
        List<TestCaseId> cases = sql.resultQuery("INSERT INTO test_case_generation.test_cases (suite_id, key, title, created_at, updated_at) "
                + "SELECT ?, 'TC-' || i, 'Case ' || i, now(), now() FROM generate_series(1, ?) i RETURNING id", suite.id().value(), JOBS)
                .fetch(row -> new TestCaseId(row.get(0, Long.class)));
        Batch batch = new Batch(BatchId.random(), suite.id(), new UserId("alice"), Instant.now(), JOBS, false);
        queue.enqueue(batch, cases);

        try (Connection holder = DriverManager.getConnection(db.jdbcUrl(), db.user(), "")) {
            holder.setAutoCommit(false);
            holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (var statement = holder.createStatement()) {
                statement.execute("SELECT count(*) FROM test_case_generation.generation_jobs"); // takes the snapshot vacuum must respect
            }

            ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
            List<Long> claimNanos = Collections.synchronizedList(new ArrayList<>());
            Instant started = Instant.now();
            try (var workers = Executors.newFixedThreadPool(WORKERS)) {
                List<Future<Integer>> refused = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    String worker = "worker-" + w;
                    refused.add(workers.submit(() -> {
                        int notApplied = 0;
                        while (true) {
                            long before = System.nanoTime();
                            List<ClaimedJob> jobs = queue.claim(worker, 1, LEASE);
                            claimNanos.add(System.nanoTime() - before);
                            if (jobs.isEmpty()) return notApplied;
                            for (ClaimedJob job : jobs) {
                                claimed.add(job.id());
                                if (!queue.succeeded(job)) notApplied++;
                            }
                        }
                    }));
                }
                for (Future<Integer> worker : refused) assertThat(worker.get(BOUND.toSeconds() + 30, TimeUnit.SECONDS)).isZero();
            }
            Duration took = Duration.between(started, Instant.now());

            Thread.sleep(1_000); // statistics reach pg_stat_user_tables within about a second
            sql.execute("VACUUM test_case_generation.generation_jobs");
            long dead = ((Number) sql.fetchValue("SELECT n_dead_tup FROM pg_stat_user_tables WHERE schemaname = 'test_case_generation' "
                    + "AND relname = 'generation_jobs'")).longValue();
            holder.rollback();

            List<Long> sample;
            synchronized (claimNanos) { sample = new ArrayList<>(claimNanos); }
            int tenth = Math.max(1, sample.size() / 10);
            StringBuilder curve = new StringBuilder();
            for (int i = 0; i < 10 && i * tenth < sample.size(); i++) {
                List<Long> part = sample.subList(i * tenth, Math.min(sample.size(), (i + 1) * tenth));
                curve.append(String.format(Locale.ROOT, " %d:%.2f/%.2f", i + 1, percentile(part, 50), percentile(part, 99)));
            }
            // Printed before the assertions, so a run that breaks its bound still says how claim time grew.
            System.out.printf(Locale.ROOT, "queue under held-back vacuum: %d jobs, %d workers, %.1f s (%.0f jobs/s), dead tuples after VACUUM %d, "
                            + "claim p50/p99 ms per tenth of the batch:%s%n",
                    JOBS, WORKERS, took.toMillis() / 1000.0, JOBS * 1000.0 / Math.max(1, took.toMillis()), dead, curve);

            assertThat(claimed).hasSize(JOBS).doesNotHaveDuplicates();
            assertThat(queue.progress(batch, Instant.now()).counts()).containsEntry(JobState.SUCCEEDED, JOBS);
            assertThat(took).as("bounded completion").isLessThan(BOUND);
            assertThat(dead).as("the open transaction kept vacuum from removing the dead row versions").isPositive();
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
