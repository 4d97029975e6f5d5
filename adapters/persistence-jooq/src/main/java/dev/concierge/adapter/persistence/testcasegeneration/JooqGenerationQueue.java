package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.test_case_generation.tables.records.BatchesRecord;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchId;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.ClaimedJob;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.out.GenerationQueue;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.BATCHES;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.GENERATION_JOBS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

/**
 * The durable generation queue on PostgreSQL, shared by every instance. A claim takes due jobs with
 * {@code FOR UPDATE SKIP LOCKED} (competing workers never block on, nor take, the same job) and leases them; every
 * later change names the claim (owner and attempt) and changes nothing once another claim replaced it.
 */
final class JooqGenerationQueue implements GenerationQueue {
    private static final Field<Integer> TOTAL = count().over().as("total");
    private static final String QUEUED = JobState.QUEUED.wireName();
    private static final String RUNNING = JobState.RUNNING.wireName();

    private final JooqTransactions transactions;

    JooqGenerationQueue(JooqTransactions transactions) { this.transactions = transactions; }

    @Override public void enqueue(Batch batch, List<TestCaseId> cases) {
        transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            dsl.insertInto(BATCHES)
                    .set(BATCHES.ID, batch.id().value())
                    .set(BATCHES.SUITE_ID, batch.suite().value())
                    .set(BATCHES.REQUESTED_BY, batch.requestedBy().value())
                    .set(BATCHES.CREATED_AT, StoredTimes.utc(batch.createdAt()))
                    .set(BATCHES.SIZE, batch.size())
                    .execute();
            var insert = dsl.insertInto(GENERATION_JOBS, GENERATION_JOBS.BATCH_ID, GENERATION_JOBS.CASE_ID, GENERATION_JOBS.RUN_AFTER,
                    GENERATION_JOBS.CREATED_AT);
            for (TestCaseId id : cases) insert = insert.values(batch.id().value(), id.value(), StoredTimes.utc(batch.createdAt()), StoredTimes.utc(batch.createdAt()));
            try {
                insert.execute();
            } catch (DataAccessException e) {
                if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                    throw new Conflict("already_queued", "One of the test cases is already queued or generating; nothing was queued.");
                }
                throw e;
            }
            return null;
        });
    }

    @Override public List<ClaimedJob> claim(String worker, int max, Duration lease) {
        if (max < 1) return List.of();
        Condition due = GENERATION_JOBS.STATE.eq(QUEUED).and(GENERATION_JOBS.RUN_AFTER.le(currentOffsetDateTime()))
                .or(GENERATION_JOBS.STATE.eq(RUNNING).and(GENERATION_JOBS.LEASE_UNTIL.lt(currentOffsetDateTime())));
        // One statement: pick due jobs nobody else is locking, lease them, count the attempt.
        return transactions.dsl().update(GENERATION_JOBS)
                .set(GENERATION_JOBS.STATE, RUNNING)
                .set(GENERATION_JOBS.LEASE_OWNER, worker)
                .set(GENERATION_JOBS.LEASE_UNTIL, leaseEnd(lease))
                .set(GENERATION_JOBS.ATTEMPT, GENERATION_JOBS.ATTEMPT.plus(1))
                .where(GENERATION_JOBS.ID.in(select(GENERATION_JOBS.ID).from(GENERATION_JOBS).where(due)
                        .orderBy(GENERATION_JOBS.ID).limit(max).forUpdate().skipLocked()))
                .returning(GENERATION_JOBS.ID, GENERATION_JOBS.BATCH_ID, GENERATION_JOBS.CASE_ID, GENERATION_JOBS.ATTEMPT)
                .fetch(row -> new ClaimedJob(row.getId(), new BatchId(row.getBatchId()), new TestCaseId(row.getCaseId()),
                        row.getAttempt(), worker));
    }

    @Override public void heartbeat(String worker, Collection<Long> jobIds, Duration lease) {
        if (jobIds.isEmpty()) return;
        transactions.dsl().update(GENERATION_JOBS)
                .set(GENERATION_JOBS.LEASE_UNTIL, leaseEnd(lease))
                .where(GENERATION_JOBS.ID.in(jobIds).and(GENERATION_JOBS.STATE.eq(RUNNING)).and(GENERATION_JOBS.LEASE_OWNER.eq(worker)))
                .execute();
    }

    @Override public boolean succeeded(ClaimedJob job) {
        return finish(job, JobState.SUCCEEDED, null);
    }

    @Override public boolean failed(ClaimedJob job, String reason) {
        return finish(job, JobState.FAILED, reason);
    }

    private boolean finish(ClaimedJob job, JobState state, String reason) {
        return transactions.dsl().update(GENERATION_JOBS)
                .set(GENERATION_JOBS.STATE, state.wireName())
                .set(GENERATION_JOBS.FINISHED_AT, currentOffsetDateTime())
                .set(GENERATION_JOBS.LEASE_UNTIL, (OffsetDateTime) null)
                .set(GENERATION_JOBS.LAST_ERROR, reason)
                .where(heldBy(job))
                .execute() == 1;
    }

    @Override public boolean retryLater(ClaimedJob job, Instant runAfter, String reason) {
        return transactions.dsl().update(GENERATION_JOBS)
                .set(GENERATION_JOBS.STATE, QUEUED)
                .set(GENERATION_JOBS.RUN_AFTER, StoredTimes.utc(runAfter))
                .set(GENERATION_JOBS.LEASE_OWNER, (String) null)
                .set(GENERATION_JOBS.LEASE_UNTIL, (OffsetDateTime) null)
                .set(GENERATION_JOBS.LAST_ERROR, reason)
                .where(heldBy(job))
                .execute() == 1;
    }

    @Override public int releaseAll(String worker) {
        return transactions.dsl().update(GENERATION_JOBS)
                .set(GENERATION_JOBS.STATE, QUEUED)
                .set(GENERATION_JOBS.RUN_AFTER, currentOffsetDateTime())
                .set(GENERATION_JOBS.LEASE_OWNER, (String) null)
                .set(GENERATION_JOBS.LEASE_UNTIL, (OffsetDateTime) null)
                .where(GENERATION_JOBS.STATE.eq(RUNNING).and(GENERATION_JOBS.LEASE_OWNER.eq(worker)))
                .execute();
    }

    @Override public List<TestCaseId> cancel(BatchId batch) {
        return transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            dsl.update(BATCHES).set(BATCHES.CANCELLED_AT, currentOffsetDateTime())
                    .where(BATCHES.ID.eq(batch.value()).and(BATCHES.CANCELLED_AT.isNull()))
                    .execute();
            // A job a worker is claiming right now is locked: this waits for it, then sees it running and leaves it.
            return dsl.update(GENERATION_JOBS)
                    .set(GENERATION_JOBS.STATE, JobState.CANCELLED.wireName())
                    .set(GENERATION_JOBS.FINISHED_AT, currentOffsetDateTime())
                    .where(GENERATION_JOBS.BATCH_ID.eq(batch.value()).and(GENERATION_JOBS.STATE.eq(QUEUED)))
                    .returning(GENERATION_JOBS.CASE_ID)
                    .fetch(row -> new TestCaseId(row.getCaseId()));
        });
    }

    @Override public Optional<Batch> batch(BatchId id) {
        return transactions.dsl().selectFrom(BATCHES).where(BATCHES.ID.eq(id.value())).fetchOptional(JooqGenerationQueue::toBatch);
    }

    @Override public BatchProgress progress(Batch batch, Instant now) {
        var rows = transactions.dsl().select(GENERATION_JOBS.STATE, count(), min(GENERATION_JOBS.FINISHED_AT), max(GENERATION_JOBS.FINISHED_AT))
                .from(GENERATION_JOBS)
                .where(GENERATION_JOBS.BATCH_ID.eq(batch.id().value()))
                .groupBy(GENERATION_JOBS.STATE)
                .fetch();
        Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
        Optional<Instant> first = Optional.empty();
        Optional<Instant> last = Optional.empty();
        for (var row : rows) {
            JobState state = JobState.valueOf(row.value1().toUpperCase(Locale.ROOT));
            counts.put(state, row.value2());
            if (state == JobState.SUCCEEDED || state == JobState.FAILED) {
                Instant from = row.value3().toInstant();
                Instant to = row.value4().toInstant();
                first = Optional.of(first.filter(f -> f.isBefore(from)).orElse(from));
                last = Optional.of(last.filter(l -> l.isAfter(to)).orElse(to));
            }
        }
        return new BatchProgress(batch, counts, first, last, now);
    }

    @Override public Page<Batch> batches(SuiteId suite, PageRequest page) {
        DSLContext dsl = transactions.dsl();
        var rows = dsl.select(BATCHES.fields()).select(TOTAL)
                .from(BATCHES)
                .where(BATCHES.SUITE_ID.eq(suite.value()))
                .orderBy(BATCHES.CREATED_AT.desc(), BATCHES.ID.desc())
                .limit(page.limit())
                .offset(page.offset())
                .fetch();
        long total = rows.isEmpty()
                ? (page.offset() == 0 ? 0 : dsl.fetchCount(BATCHES, BATCHES.SUITE_ID.eq(suite.value())))
                : rows.getFirst().get(TOTAL);
        return new Page<>(rows.map(row -> toBatch(row.into(BATCHES))), total);
    }

    @Override public QueueDepth depth(Instant now) {
        var row = transactions.dsl().select(
                        count().filterWhere(GENERATION_JOBS.STATE.eq(QUEUED)),
                        count().filterWhere(GENERATION_JOBS.STATE.eq(RUNNING)),
                        min(GENERATION_JOBS.CREATED_AT).filterWhere(GENERATION_JOBS.STATE.eq(QUEUED)))
                .from(GENERATION_JOBS)
                .where(GENERATION_JOBS.STATE.in(QUEUED, RUNNING))
                .fetchSingle();
        Duration oldest = row.value3() == null ? Duration.ZERO : Duration.between(row.value3().toInstant(), now);
        return new QueueDepth(row.value1(), row.value2(), oldest.isNegative() ? Duration.ZERO : oldest);
    }

    /** The claim still holds: nobody took the job over since this worker claimed it. */
    private static Condition heldBy(ClaimedJob job) {
        return GENERATION_JOBS.ID.eq(job.id())
                .and(GENERATION_JOBS.STATE.eq(RUNNING))
                .and(GENERATION_JOBS.LEASE_OWNER.eq(job.worker()))
                .and(GENERATION_JOBS.ATTEMPT.eq(job.attempt()));
    }

    /** Lease ends are database time, so instances with skewed clocks agree on which leases expired. */
    private static Field<OffsetDateTime> leaseEnd(Duration lease) {
        return field("now() + {0} * interval '1 millisecond'", OffsetDateTime.class, val(lease.toMillis()));
    }

    private static Batch toBatch(BatchesRecord row) {
        return new Batch(new BatchId(row.getId()), new SuiteId(row.getSuiteId()), new UserId(row.getRequestedBy()),
                row.getCreatedAt().toInstant(), row.getSize(), row.getCancelledAt() != null);
    }

}
