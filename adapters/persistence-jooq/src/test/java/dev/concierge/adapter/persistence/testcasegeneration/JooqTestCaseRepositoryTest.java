package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CaseSort;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.RevisionChange;
import dev.concierge.domain.testcasegeneration.model.RevisionKind;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JooqTestCaseRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final UserId ALICE = new UserId("alice");

    private static TestDatabase db;
    private JooqTransactions transactions;
    private JooqSuiteRepository suites;
    private JooqTestCaseRepository cases;
    private Suite suite;

    @BeforeAll static void migrate() { db = TestDatabase.migrated(); }

    @AfterAll static void closeDatabase() { db.close(); }

    @BeforeEach void emptyTables() {
        TestCaseGenerationTables.empty(Jooq.context(db.dataSource()));
        transactions = new JooqTransactions(Jooq.context(db.dataSource()));
        suites = new JooqSuiteRepository(transactions);
        cases = new JooqTestCaseRepository(transactions);
        suite = suites.create(new NewSuite("Login", "Sign-in flows"), "qa", ALICE, T0);
    }


    private static TestCaseContent content(String key, String title) {
        return new TestCaseContent(new TestCaseKey(key), title, "Alice has an account", "The dashboard is shown", "REQ-7",
                "利用者はパスワードでログインできる", Priority.HIGH, List.of("login", "smoke"));
    }

    private static final Procedure TWO_STEPS = new Procedure(List.of(new Step("Open the login page", "The form is shown"),
            new Step("Sign in as alice", "The dashboard is shown", Optional.of("alice / s3cret"))));

    private TestCase generated(TestCase draft) {
        TestCase generating = cases.save(cases.save(draft.queue(T0)).startGenerating(T0));
        return cases.save(generating.generated(TWO_STEPS, T0.plusSeconds(5)));
    }

    // --- suites

    @Test void a_suite_reads_back_as_created() {
        assertThat(suites.find(suite.id())).contains(suite);
        assertThat(suite.team()).isEqualTo("qa");
        assertThat(suite.createdBy()).isEqualTo(ALICE);
    }

    @Test void suites_are_listed_for_the_given_teams_newest_first_with_the_total() {
        Suite newer = suites.create(new NewSuite("Checkout", ""), "qa", ALICE, T0.plusSeconds(60));
        suites.create(new NewSuite("Other team", ""), "web", ALICE, T0.plusSeconds(120));

        Page<Suite> page = suites.list(Set.of("qa"), new PageRequest(1, 0));

        assertThat(page.items()).containsExactly(newer);
        assertThat(page.total()).isEqualTo(2);
        assertThat(suites.list(Set.of(), PageRequest.first()).total()).isZero();
    }

    @Test void an_unknown_suite_is_empty() {
        assertThat(suites.find(new SuiteId(999))).isEmpty();
    }

    // --- test cases

    @Test void a_new_case_is_a_draft_with_every_field_as_written() {
        TestCase created = cases.create(suite.id(), content("TC-001", "ログインできること"), T0);

        assertThat(created.status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(created.version()).isZero();
        assertThat(created.content()).isEqualTo(content("TC-001", "ログインできること"));
        assertThat(created.procedure()).isEmpty();
        assertThat(cases.find(created.id())).contains(created);
        assertThat(cases.findByKey(suite.id(), new TestCaseKey("TC-001"))).contains(created);
    }

    @Test void a_key_already_in_the_suite_is_a_conflict_and_another_suite_may_reuse_it() {
        cases.create(suite.id(), content("TC-001", "Sign in"), T0);
        Suite other = suites.create(new NewSuite("Other", ""), "qa", ALICE, T0);

        var conflict = catchThrowableOfType(Conflict.class, () -> cases.create(suite.id(), content("TC-001", "Again"), T0));

        assertThat(conflict.code()).isEqualTo("duplicate_key");
        assertThat(cases.create(other.id(), content("TC-001", "Same key, other suite"), T0).suite()).isEqualTo(other.id());
    }

    @Test void saving_stores_the_state_and_the_current_revision_and_counts_the_version() {
        TestCase saved = generated(cases.create(suite.id(), content("TC-001", "Sign in"), T0));

        TestCase read = cases.find(saved.id()).orElseThrow();
        assertThat(read).isEqualTo(saved);
        assertThat(read.status()).isEqualTo(CaseStatus.GENERATED);
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.procedure()).hasValueSatisfying(r -> {
            assertThat(r.number()).isEqualTo(1);
            assertThat(r.procedure()).isEqualTo(TWO_STEPS);
            assertThat(r.kind()).isEqualTo(RevisionKind.GENERATED);
            assertThat(r.createdAt()).isEqualTo(T0.plusSeconds(5));
        });
    }

    @Test void a_save_based_on_a_stale_read_is_refused_and_changes_nothing() {
        TestCase draft = cases.create(suite.id(), content("TC-001", "Sign in"), T0);
        cases.save(draft.queue(T0));

        assertThatThrownBy(() -> cases.save(draft.withContent(content("TC-001", "Changed meanwhile"), T0)))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("stale"));
        assertThat(cases.find(draft.id()).orElseThrow().status()).isEqualTo(CaseStatus.QUEUED);
        assertThat(cases.find(draft.id()).orElseThrow().content().title()).isEqualTo("Sign in");
    }

    @Test void the_revision_history_keeps_every_version_with_author_and_summary() {
        TestCase generated = generated(cases.create(suite.id(), content("TC-001", "Sign in"), T0));
        Procedure edited = new Procedure(List.of(new Step("Open the login page", "The form is shown")));
        TestCase afterEdit = cases.save(generated.edit(edited, new UserId("bob"), T0.plusSeconds(60)));
        cases.save(afterEdit.approve(new UserId("carol"), T0.plusSeconds(90)));

        List<ProcedureRevision> history = cases.revisions(generated.id());

        assertThat(history).extracting(ProcedureRevision::number).containsExactly(1, 2);
        assertThat(history.get(0).author()).isEmpty();
        assertThat(history.get(1).author()).contains("bob");
        assertThat(history.get(1).kind()).isEqualTo(RevisionKind.EDITED);
        assertThat(history.get(1).change()).isEqualTo(new RevisionChange(false, 1, List.of(), 0, List.of(), 1));
        assertThat(history.get(1).procedure()).isEqualTo(edited);
        assertThat(cases.find(generated.id()).orElseThrow().procedure().orElseThrow().number()).isEqualTo(2);
    }

    @Test void a_revision_stored_before_changes_were_figures_reads_its_english_line_as_figures() {
        TestCase generated = generated(cases.create(suite.id(), content("TC-001", "Sign in"), T0));
        // As V3 and earlier stored it: the change as an English line only.
        Jooq.context(db.dataSource()).execute("UPDATE test_case_generation.procedure_revisions SET change = NULL, "
                + "summary = 'step 2 changed' WHERE case_id = ?", generated.id().value());

        RevisionChange change = cases.revisions(generated.id()).getFirst().change();

        assertThat(change).isEqualTo(new RevisionChange(false, 2, List.of(2), 1, List.of(), 0));
        assertThat(cases.find(generated.id()).orElseThrow().procedure().orElseThrow().change().changed()).containsExactly(2);
    }

    @Test void a_revision_keeps_what_changed_as_figures_not_words() {
        TestCase generated = generated(cases.create(suite.id(), content("TC-001", "Sign in"), T0));
        cases.save(generated.edit(new Procedure(List.of(new Step("Open the login page", "The form is shown"))), new UserId("bob"), T0.plusSeconds(60)));

        var stored = Jooq.context(db.dataSource()).fetchOne("SELECT summary, change::text FROM test_case_generation.procedure_revisions "
                + "WHERE case_id = ? AND number = 2", generated.id().value());

        assertThat(stored.get(0, String.class)).isEmpty();
        assertThat(stored.get(1, String.class)).contains("\"removed\": 1").doesNotContainPattern("[a-z]+ removed");
    }

    @Test void storing_the_same_revision_twice_keeps_the_first() {
        TestCase generated = generated(cases.create(suite.id(), content("TC-001", "Sign in"), T0));
        // Same revision number, other steps: as a second run of a job would try to store it.
        TestCase sameNumber = new TestCase(generated.id(), generated.suite(), generated.content(), generated.status(),
                Optional.of(new ProcedureRevision(1, new Procedure(List.of(new Step("Other", "Other"))), RevisionKind.GENERATED,
                        Optional.empty(), T0, RevisionChange.firstOf(TWO_STEPS))), Optional.empty(), Optional.empty(), generated.version(), T0);

        cases.save(sameNumber);

        assertThat(cases.revisions(generated.id())).singleElement().satisfies(r -> assertThat(r.procedure()).isEqualTo(TWO_STEPS));
    }

    @Test void listing_filters_by_state_and_words_and_pages_in_key_order() {
        generated(cases.create(suite.id(), content("TC-003", "Sign out"), T0));
        cases.create(suite.id(), content("TC-002", "Reset 100% of passwords"), T0);
        cases.create(suite.id(), content("TC-001", "Sign in"), T0);

        Page<TestCase> drafts = cases.list(new TestCaseQuery(suite.id(), Set.of(CaseStatus.DRAFT), Optional.empty(), new PageRequest(1, 0)));
        Page<TestCase> search = cases.list(new TestCaseQuery(suite.id(), Set.of(), Optional.of("sign"), PageRequest.first()));
        Page<TestCase> percent = cases.list(new TestCaseQuery(suite.id(), Set.of(), Optional.of("100%"), PageRequest.first()));

        assertThat(drafts.items()).extracting(c -> c.content().key().value()).containsExactly("TC-001");
        assertThat(drafts.total()).isEqualTo(2);
        assertThat(search.items()).extracting(c -> c.content().key().value()).containsExactly("TC-001", "TC-003");
        assertThat(search.items().get(1).procedure()).isPresent();
        assertThat(percent.items()).extracting(c -> c.content().key().value()).containsExactly("TC-002");
    }

    @Test void cases_of_a_suite_and_by_ids_come_in_key_order() {
        TestCase b = cases.create(suite.id(), content("TC-002", "B"), T0);
        TestCase a = cases.create(suite.id(), content("TC-001", "A"), T0);

        assertThat(cases.inSuite(suite.id(), Set.of())).extracting(TestCase::id).containsExactly(a.id(), b.id());
        assertThat(cases.findAll(List.of(b.id(), a.id(), new TestCaseId(999)))).extracting(TestCase::id).containsExactly(a.id(), b.id());
        assertThat(cases.findAll(List.of())).isEmpty();
    }

    // --- transactions

    @Test void work_that_fails_inside_a_transaction_leaves_nothing_behind() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            cases.create(suite.id(), content("TC-001", "Sign in"), T0);
            cases.create(suite.id(), content("TC-001", "Duplicate"), T0);
            return null;
        })).isInstanceOf(Conflict.class);

        assertThat(cases.inSuite(suite.id(), Set.of())).isEmpty();
    }

    @Test void a_transaction_inside_a_transaction_joins_it() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            transactions.inTransaction(() -> cases.create(suite.id(), content("TC-001", "Sign in"), T0));
            throw new IllegalStateException("the outer work fails after the inner one");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(cases.inSuite(suite.id(), Set.of())).isEmpty();
    }

    @Test void cases_list_by_the_chosen_column_and_direction_with_the_key_breaking_ties() {
        TestCase low = cases.create(suite.id(), withPriority("TC-003", Priority.LOW), T0);
        TestCase critical = cases.create(suite.id(), withPriority("TC-001", Priority.CRITICAL), T0);
        TestCase high = cases.create(suite.id(), withPriority("TC-002", Priority.HIGH), T0);

        var byPriority = cases.list(new TestCaseQuery(suite.id(), Set.of(), Optional.empty(), PageRequest.first(),
                new CaseSort.Ordering(CaseSort.PRIORITY, true)));

        assertThat(byPriority.items()).extracting(TestCase::id).containsExactly(critical.id(), high.id(), low.id());
        var urgent = cases.list(new TestCaseQuery(suite.id(), Set.of(), Optional.empty(), PageRequest.first(),
                CaseSort.Ordering.BY_KEY, Set.of(Priority.CRITICAL, Priority.HIGH)));
        assertThat(urgent.items()).extracting(TestCase::id).containsExactly(critical.id(), high.id());
        assertThat(urgent.total()).isEqualTo(2);
    }

    @Test void neighbours_are_the_cases_before_and_after_in_the_same_listing() {
        TestCase a = cases.create(suite.id(), content("TC-001", "Zeta"), T0);
        TestCase b = cases.create(suite.id(), content("TC-002", "Alpha"), T0);
        TestCase c = cases.create(suite.id(), content("TC-003", "Mid"), T0);
        var byTitle = new TestCaseQuery(suite.id(), Set.of(), Optional.empty(), PageRequest.first(), CaseSort.parse("title"));

        var around = cases.neighbours(byTitle, c.id());

        assertThat(around.previous()).contains(b.id());
        assertThat(around.next()).contains(a.id());
        assertThat(around.position()).isEqualTo(2);
        assertThat(around.total()).isEqualTo(3);
        assertThat(cases.neighbours(byTitle, new TestCaseId(999_999)).total()).isZero();
    }

    @Test void a_deleted_case_takes_its_revisions_with_it() {
        TestCase done = generated(cases.create(suite.id(), content("TC-001", "Sign in"), T0));

        assertThat(cases.delete(done.id())).isTrue();

        assertThat(cases.find(done.id())).isEmpty();
        assertThat(cases.revisions(done.id())).isEmpty();
        assertThat(cases.delete(done.id())).isFalse();
    }

    @Test void a_suite_is_renamed_and_deleted_with_its_cases() {
        TestCase created = cases.create(suite.id(), content("TC-001", "Sign in"), T0);

        assertThat(suites.rename(suite.id(), new NewSuite("Sign-in", "new"))).map(Suite::name).contains("Sign-in");
        assertThat(suites.delete(suite.id())).isTrue();

        assertThat(cases.find(created.id())).isEmpty();
        assertThat(suites.rename(suite.id(), new NewSuite("x", ""))).isEmpty();
    }

    private static TestCaseContent withPriority(String key, Priority priority) {
        return new TestCaseContent(new TestCaseKey(key), "Case " + key, "", "", "", "", priority, List.of());
    }
}
