package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.adapter.persistence.jooq.test_case_generation.tables.records.ExportsRecord;
import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.ExportId;
import dev.concierge.domain.testcasegeneration.model.ExportJob;
import dev.concierge.domain.testcasegeneration.model.ExportState;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.port.out.ExportRepository;
import org.jooq.Condition;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.EXPORTS;
import static org.jooq.impl.DSL.select;

/** Background exports in {@code test_case_generation.exports}; instances claim them with SKIP LOCKED. */
final class JooqExportRepository implements ExportRepository {
    private static final String QUEUED = ExportState.QUEUED.wireName();
    private static final String RUNNING = ExportState.RUNNING.wireName();

    private final JooqTransactions transactions;

    JooqExportRepository(JooqTransactions transactions) { this.transactions = transactions; }

    @Override public void create(ExportJob queued) {
        transactions.dsl().insertInto(EXPORTS)
                .set(EXPORTS.ID, queued.id().value())
                .set(EXPORTS.SUITE_ID, queued.suite().value())
                .set(EXPORTS.FORMAT, queued.format().wireName())
                .set(EXPORTS.STATE, queued.state().wireName())
                .set(EXPORTS.REQUESTED_BY, queued.requestedBy().value())
                .set(EXPORTS.LANGUAGE, queued.language().tag())
                .set(EXPORTS.CREATED_AT, StoredTimes.utc(queued.createdAt()))
                .set(EXPORTS.APPROVED_ONLY, queued.approvedOnly())
                .execute();
    }

    @Override public Optional<ExportJob> find(ExportId id) {
        return transactions.dsl().selectFrom(EXPORTS).where(EXPORTS.ID.eq(id.value())).fetchOptional(JooqExportRepository::toJob);
    }

    @Override public Optional<ExportJob> claimNext(Instant now, Instant leaseUntil, int maxAttempts) {
        return transactions.inTransaction(() -> {
            Condition abandoned = EXPORTS.STATE.eq(RUNNING).and(EXPORTS.LEASE_UNTIL.le(StoredTimes.utc(now)));
            // An export whose instance died after its last allowed attempt is not tried again.
            transactions.dsl().update(EXPORTS)
                    .set(EXPORTS.STATE, ExportState.FAILED.wireName())
                    .set(EXPORTS.FAILURE, "interrupted " + maxAttempts + " times (the instance making it stopped)")
                    .set(EXPORTS.FINISHED_AT, StoredTimes.utc(now))
                    .where(abandoned.and(EXPORTS.ATTEMPTS.ge(maxAttempts)))
                    .execute();
            return transactions.dsl().update(EXPORTS)
                    .set(EXPORTS.STATE, RUNNING)
                    .set(EXPORTS.LEASE_UNTIL, StoredTimes.utc(leaseUntil))
                    .set(EXPORTS.ATTEMPTS, EXPORTS.ATTEMPTS.plus(1))
                    .where(EXPORTS.ID.in(select(EXPORTS.ID).from(EXPORTS).where(EXPORTS.STATE.eq(QUEUED).or(abandoned))
                            .orderBy(EXPORTS.CREATED_AT).limit(1).forUpdate().skipLocked()))
                    .returning()
                    .fetchOptional(JooqExportRepository::toJob);
        });
    }

    @Override public void finish(ExportId id, long sizeBytes, long caseCount, Instant at) {
        ExportJob job = find(id).orElseThrow();
        transactions.dsl().update(EXPORTS)
                .set(EXPORTS.STATE, ExportState.READY.wireName())
                .set(EXPORTS.FILE_KEY, job.fileKey().value())
                .set(EXPORTS.SIZE_BYTES, sizeBytes)
                .set(EXPORTS.CASE_COUNT, caseCount)
                .set(EXPORTS.FINISHED_AT, StoredTimes.utc(at))
                .setNull(EXPORTS.LEASE_UNTIL)
                .setNull(EXPORTS.FAILURE)
                .where(EXPORTS.ID.eq(id.value()))
                .execute();
    }

    @Override public void attemptFailed(ExportId id, String reason, boolean giveUp, Instant at) {
        transactions.dsl().update(EXPORTS)
                .set(EXPORTS.STATE, giveUp ? ExportState.FAILED.wireName() : QUEUED)
                .set(EXPORTS.FAILURE, reason)
                .set(EXPORTS.FINISHED_AT, giveUp ? StoredTimes.utc(at) : null)
                .setNull(EXPORTS.LEASE_UNTIL)
                .where(EXPORTS.ID.eq(id.value()))
                .execute();
    }

    private static ExportJob toJob(ExportsRecord row) {
        return new ExportJob(new ExportId(row.getId()), new SuiteId(row.getSuiteId()), ExportFormat.parse(row.getFormat()),
                ExportState.fromWireName(row.getState()), new UserId(row.getRequestedBy()), row.getCreatedAt().toInstant(),
                Optional.ofNullable(row.getFinishedAt()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.getFileKey()).map(FileKey::new), row.getSizeBytes(), row.getCaseCount(),
                row.getAttempts(), Optional.ofNullable(row.getFailure()), Language.fromTag(row.getLanguage()).orElse(Language.JA),
                row.getApprovedOnly());
    }

}
