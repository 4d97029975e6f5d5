package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.ExportId;
import dev.concierge.domain.testcasegeneration.model.ExportJob;
import dev.concierge.domain.testcasegeneration.model.ExportState;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class JooqExportRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);

    private static TestDatabase db;
    private JooqExportRepository exports;
    private JooqTestCaseRepository cases;
    private Suite suite;

    @BeforeAll static void migrate() { db = TestDatabase.migrated(); }

    @AfterAll static void closeDatabase() { db.close(); }

    @BeforeEach void emptyTables() {
        TestCaseGenerationTables.empty(Jooq.context(db.dataSource()));
        JooqTransactions transactions = new JooqTransactions(Jooq.context(db.dataSource()));
        exports = new JooqExportRepository(transactions);
        cases = new JooqTestCaseRepository(transactions);
        suite = new JooqSuiteRepository(transactions).create(new NewSuite("Login", ""), "qa", new UserId("alice"), T0);
    }

    private ExportJob queue(ExportFormat format, Instant at) { return queue(format, Language.JA, at); }

    private ExportJob queue(ExportFormat format, Language language, Instant at) {
        ExportJob job = ExportJob.queued(ExportId.random(), suite.id(), format, language, new UserId("alice"), at);
        exports.create(job);
        return job;
    }

    @Test void every_migration_format_and_the_approved_only_choice_are_stored() {
        for (ExportFormat format : ExportFormat.values()) {
            ExportJob job = ExportJob.queued(ExportId.random(), suite.id(), format, Language.JA, new UserId("alice"), T0, true);
            exports.create(job);
            assertThat(exports.find(job.id())).contains(job);
        }
        assertThat(exports.find(queue(ExportFormat.CSV, Language.EN, T0).id()).orElseThrow().approvedOnly()).isFalse();
    }

    @Test void an_export_keeps_the_language_it_was_asked_in_through_its_claim() {
        ExportJob english = queue(ExportFormat.CSV, Language.EN, T0);

        assertThat(exports.find(english.id()).orElseThrow().language()).isEqualTo(Language.EN);
        assertThat(exports.claimNext(T0, T0.plus(LEASE), 3).orElseThrow().language()).isEqualTo(Language.EN);
    }

    @Test void a_queued_export_is_claimed_once_then_stored_ready_with_its_file() {
        ExportJob queued = queue(ExportFormat.XLSX, T0);
        assertThat(exports.find(queued.id())).contains(queued);

        ExportJob claimed = exports.claimNext(T0, T0.plus(LEASE), 3).orElseThrow();
        assertThat(claimed.state()).isEqualTo(ExportState.RUNNING);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(exports.claimNext(T0, T0.plus(LEASE), 3)).isEmpty();

        exports.finish(queued.id(), 1234, 10, T0.plusSeconds(3));

        ExportJob ready = exports.find(queued.id()).orElseThrow();
        assertThat(ready.state()).isEqualTo(ExportState.READY);
        assertThat(ready.file()).contains(queued.fileKey());
        assertThat(ready.sizeBytes()).isEqualTo(1234);
        assertThat(ready.caseCount()).isEqualTo(10);
        assertThat(ready.finishedAt()).contains(T0.plusSeconds(3));
    }

    @Test void the_oldest_waiting_export_is_claimed_first() {
        ExportJob later = queue(ExportFormat.CSV, T0.plusSeconds(5));
        ExportJob first = queue(ExportFormat.CSV, T0);

        assertThat(exports.claimNext(T0.plusSeconds(6), T0.plus(LEASE), 3).orElseThrow().id()).isEqualTo(first.id());
        assertThat(exports.claimNext(T0.plusSeconds(6), T0.plus(LEASE), 3).orElseThrow().id()).isEqualTo(later.id());
    }

    @Test void an_abandoned_export_is_claimed_again_after_its_lease_and_failed_after_the_last_attempt() {
        ExportJob queued = queue(ExportFormat.CSV, T0);
        Instant now = T0;
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(exports.claimNext(now, now.plus(LEASE), 2).orElseThrow().attempts()).isEqualTo(attempt);
            assertThat(exports.claimNext(now.plus(LEASE).minusSeconds(1), now.plus(LEASE), 2)).isEmpty();
            now = now.plus(LEASE);
        }

        assertThat(exports.claimNext(now, now.plus(LEASE), 2)).isEmpty();
        ExportJob failed = exports.find(queued.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(ExportState.FAILED);
        assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("interrupted"));
    }

    @Test void a_failed_attempt_queues_the_export_again_unless_given_up() {
        ExportJob queued = queue(ExportFormat.MARKDOWN, T0);
        exports.claimNext(T0, T0.plus(LEASE), 3);

        exports.attemptFailed(queued.id(), "store down", false, T0);
        assertThat(exports.find(queued.id()).orElseThrow().state()).isEqualTo(ExportState.QUEUED);

        exports.claimNext(T0, T0.plus(LEASE), 3);
        exports.attemptFailed(queued.id(), "store down", true, T0);
        ExportJob failed = exports.find(queued.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(ExportState.FAILED);
        assertThat(failed.failure()).contains("store down");
    }

    @Test void concurrent_workers_never_claim_the_same_export() throws Exception {
        for (int i = 0; i < 20; i++) queue(ExportFormat.CSV, T0.plusMillis(i));
        Set<ExportId> claimed = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> workers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    int mine = 0;
                    for (Optional<ExportJob> job; (job = exports.claimNext(T0.plusSeconds(1), T0.plus(LEASE), 3)).isPresent(); mine++) {
                        assertThat(claimed.add(job.get().id())).isTrue();
                    }
                    return mine;
                }));
            }
            int total = 0;
            for (Future<Integer> worker : workers) total += worker.get();
            assertThat(total).isEqualTo(20);
        }
        assertThat(claimed).hasSize(20);
    }

    @Test void the_cases_of_a_suite_are_read_in_key_order_a_page_at_a_time() {
        for (String key : List.of("TC-3", "TC-1", "TC-5", "TC-2", "TC-4")) {
            cases.create(suite.id(), new TestCaseContent(new TestCaseKey(key), "t", "", "", "", "", Priority.LOW, List.of()), T0);
        }

        List<TestCase> first = cases.inSuiteAfter(suite.id(), Optional.empty(), 2);
        List<TestCase> second = cases.inSuiteAfter(suite.id(), Optional.of(first.getLast().content().key()), 2);
        List<TestCase> last = cases.inSuiteAfter(suite.id(), Optional.of(second.getLast().content().key()), 2);

        assertThat(first).extracting(c -> c.content().key().value()).containsExactly("TC-1", "TC-2");
        assertThat(second).extracting(c -> c.content().key().value()).containsExactly("TC-3", "TC-4");
        assertThat(last).extracting(c -> c.content().key().value()).containsExactly("TC-5");
        assertThat(cases.countInSuite(suite.id())).isEqualTo(5);
    }
}
