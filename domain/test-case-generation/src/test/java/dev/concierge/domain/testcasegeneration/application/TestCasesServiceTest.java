package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ImportOriginal;
import dev.concierge.domain.testcasegeneration.model.ImportReport;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.RevisionKind;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteNotFound;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.model.TestCaseNotFound;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TestCasesServiceTest {
    private static final Actor ALICE = new Actor(new UserId("alice"), Set.of("qa"));
    private static final Actor BOB = new Actor(new UserId("bob"), Set.of("qa"));
    private static final Actor OUTSIDER = new Actor(new UserId("eve"), Set.of("web"));

    private final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock();
    private final InMemoryPorts.Suites suiteStore = new InMemoryPorts.Suites();
    private final InMemoryPorts.TestCases caseStore = new InMemoryPorts.TestCases();
    private final InMemoryPorts.Files files = new InMemoryPorts.Files();
    private static final ImportOriginal ORIGINAL = new ImportOriginal("key,title\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
    private final TestCasesService service = new TestCasesService(suiteStore, caseStore, new InMemoryPorts.DirectTransactions(), files, clock);
    private final Suite suite = suiteStore.create(new NewSuite("Login", ""), "qa", ALICE.user(), clock.instant());

    private static TestCaseContent content(String key, String title) {
        return new TestCaseContent(new TestCaseKey(key), title, "", "", "", "", Priority.MEDIUM, List.of());
    }

    private static ImportRow row(int line, String key, String title) {
        return new ImportRow(line, key, title, "", "", "", "", "", List.of());
    }

    /** A case the model already wrote a procedure for. */
    private TestCase generatedCase() {
        TestCase created = service.create(ALICE, suite.id(), content("TC-001", "Sign in"));
        TestCase generating = caseStore.save(caseStore.save(created.queue(clock.instant())).startGenerating(clock.instant()));
        return caseStore.save(generating.generated(new Procedure(List.of(new Step("Open", "Shown"))), clock.instant()));
    }

    @Test void a_new_case_is_a_draft_of_the_suite() {
        TestCase created = service.create(ALICE, suite.id(), content("TC-001", "Sign in"));

        assertThat(created.status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(service.get(BOB, created.id())).isEqualTo(created);
    }

    @Test void another_teams_suite_and_cases_do_not_exist_for_an_outsider() {
        TestCase created = service.create(ALICE, suite.id(), content("TC-001", "Sign in"));

        assertThatThrownBy(() -> service.create(OUTSIDER, suite.id(), content("TC-002", "x"))).isInstanceOf(SuiteNotFound.class);
        assertThatThrownBy(() -> service.get(OUTSIDER, created.id())).isInstanceOf(TestCaseNotFound.class);
        assertThatThrownBy(() -> service.revisions(OUTSIDER, created.id())).isInstanceOf(TestCaseNotFound.class);
        assertThatThrownBy(() -> service.approve(OUTSIDER, created.id(), created.version())).isInstanceOf(TestCaseNotFound.class);
        assertThatThrownBy(() -> service.list(OUTSIDER, new TestCaseQuery(suite.id(), Set.of(), Optional.empty(), PageRequest.first())))
                .isInstanceOf(SuiteNotFound.class);
    }

    @Test void a_change_based_on_an_outdated_version_is_refused_and_changes_nothing() {
        TestCase created = service.create(ALICE, suite.id(), content("TC-001", "Sign in"));
        service.update(ALICE, created.id(), content("TC-001", "Sign in with a password"), created.version());

        var conflict = catchThrowableOfType(Conflict.class,
                () -> service.update(BOB, created.id(), content("TC-001", "Sign in with SSO"), created.version()));

        assertThat(conflict.code()).isEqualTo("stale");
        assertThat(service.get(ALICE, created.id()).content().title()).isEqualTo("Sign in with a password");
    }

    @Test void editing_a_procedure_stores_a_revision_with_the_editor() {
        TestCase generated = generatedCase();

        TestCase edited = service.edit(BOB, generated.id(), new Procedure(List.of(new Step("Open the page", "Shown"))), generated.version());

        List<ProcedureRevision> history = service.revisions(ALICE, generated.id());
        assertThat(history).extracting(ProcedureRevision::number).containsExactly(1, 2);
        assertThat(history).extracting(ProcedureRevision::kind).containsExactly(RevisionKind.GENERATED, RevisionKind.EDITED);
        assertThat(history.get(1).author()).contains("bob");
        assertThat(history.get(1).change().changed()).containsExactly(1);
        assertThat(edited.version()).isEqualTo(generated.version() + 1);
    }

    @Test void approve_reject_and_reopen_go_through_the_service_with_the_version_seen() {
        TestCase generated = generatedCase();

        TestCase approved = service.approve(ALICE, generated.id(), generated.version());
        TestCase reopened = service.reopen(ALICE, generated.id(), approved.version());
        TestCase rejected = service.reject(ALICE, generated.id(), "missing the password step", reopened.version());

        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(reopened.status()).isEqualTo(CaseStatus.GENERATED);
        assertThat(rejected.status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(rejected.reviewerFeedback()).contains("missing the password step");
    }

    @Test void listing_filters_by_state() {
        generatedCase();
        service.create(ALICE, suite.id(), content("TC-002", "Sign out"));

        var drafts = service.list(ALICE, new TestCaseQuery(suite.id(), Set.of(CaseStatus.DRAFT), Optional.empty(), PageRequest.first()));

        assertThat(drafts.items()).extracting(c -> c.content().key().value()).containsExactly("TC-002");
    }

    // --- import

    @Test void a_valid_file_creates_every_case() {
        ImportReport report = service.importCases(ALICE, suite.id(), List.of(row(2, "TC-001", "Sign in"), row(3, "TC-002", "Sign out")), ORIGINAL);

        assertThat(report).isEqualTo(new ImportReport(2, 0, 0, 0));
        assertThat(caseStore.inSuite(suite.id(), Set.of())).hasSize(2);
    }

    @Test void the_original_of_an_import_is_kept_in_the_file_store_under_the_suite() {
        service.importCases(ALICE, suite.id(), List.of(row(2, "TC-001", "Sign in")), ORIGINAL);

        assertThat(files.stored).hasSize(1);
        var stored = files.stored.entrySet().iterator().next();
        assertThat(stored.getKey()).startsWith("test-case-generation/imports/suite-" + suite.id().value() + "/20261120T090000Z-").endsWith(".csv");
        assertThat(stored.getValue()).isEqualTo(ORIGINAL.bytes());
    }

    @Test void a_refused_import_keeps_no_original_and_an_unreachable_store_changes_no_case() {
        assertThatThrownBy(() -> service.importCases(ALICE, suite.id(), List.of(row(2, "bad key!", "x")), ORIGINAL)).isInstanceOf(InvalidInput.class);
        assertThat(files.stored).isEmpty();

        files.unavailable = true;
        assertThatThrownBy(() -> service.importCases(ALICE, suite.id(), List.of(row(2, "TC-001", "x")), ORIGINAL))
                .isInstanceOf(dev.concierge.domain.kernel.FilesUnavailable.class);
        assertThat(caseStore.inSuite(suite.id(), Set.of())).isEmpty();
    }

    @Test void a_file_with_any_bad_row_imports_nothing_and_lists_every_problem_by_line() {
        var invalid = catchThrowableOfType(InvalidInput.class, () -> service.importCases(ALICE, suite.id(), List.of(
                row(2, "TC-001", "Sign in"),
                new ImportRow(3, "bad key!", "", "", "", "", "", "urgent-ish", List.of()),
                row(4, "TC-003", "x".repeat(301))), ORIGINAL));

        assertThat(invalid.details()).extracting(FieldError::field)
                .containsExactly("line 3: key", "line 3: priority", "line 3: title", "line 4: title");
        assertThat(caseStore.inSuite(suite.id(), Set.of())).isEmpty();
    }

    @Test void a_key_repeated_within_the_file_is_a_row_error() {
        var invalid = catchThrowableOfType(InvalidInput.class, () -> service.importCases(ALICE, suite.id(),
                List.of(row(2, "TC-001", "Sign in"), row(3, "TC-001", "Sign in again")), ORIGINAL));

        assertThat(invalid.details()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("line 3: key");
            assertThat(d.code()).isEqualTo("duplicate");
            assertThat(d.args()).containsExactly("TC-001");
        });
    }

    @Test void importing_the_same_file_again_duplicates_nothing() {
        List<ImportRow> file = List.of(row(2, "TC-001", "Sign in"), row(3, "TC-002", "Sign out"));
        service.importCases(ALICE, suite.id(), file, ORIGINAL);

        ImportReport again = service.importCases(ALICE, suite.id(), file, ORIGINAL);

        assertThat(again).isEqualTo(new ImportReport(0, 0, 2, 0));
        assertThat(caseStore.inSuite(suite.id(), Set.of())).hasSize(2);
    }

    @Test void a_changed_row_updates_its_case_and_an_approved_case_is_left_alone() {
        service.importCases(ALICE, suite.id(), List.of(row(2, "TC-002", "Sign out")), ORIGINAL);
        TestCase generated = generatedCase();
        service.approve(ALICE, generated.id(), generated.version());

        ImportReport report = service.importCases(ALICE, suite.id(), List.of(row(2, "TC-001", "Sign in, changed"), row(3, "TC-002", "Sign out, changed")), ORIGINAL);

        assertThat(report).isEqualTo(new ImportReport(0, 1, 0, 1));
        assertThat(caseStore.findByKey(suite.id(), new TestCaseKey("TC-002")).orElseThrow().content().title()).isEqualTo("Sign out, changed");
        assertThat(caseStore.findByKey(suite.id(), new TestCaseKey("TC-001")).orElseThrow().content().title()).isEqualTo("Sign in");
    }

    @Test void an_empty_file_is_refused() {
        assertThatThrownBy(() -> service.importCases(ALICE, suite.id(), List.of(), ORIGINAL)).isInstanceOfSatisfying(InvalidInput.class,
                invalid -> assertThat(invalid.details()).containsExactly(FieldError.of("file", TestCasesService.NO_ROWS)));
    }

    @Test void an_outsider_cannot_import_into_the_suite() {
        assertThatThrownBy(() -> service.importCases(OUTSIDER, suite.id(), List.of(row(2, "TC-001", "x")), ORIGINAL)).isInstanceOf(SuiteNotFound.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(caseStore.inSuite(suite.id(), Set.of())).isEmpty();
    }

    @Test void bulk_approval_approves_what_the_reviewer_saw_and_names_the_rest() {
        TestCase generated = generatedCase();
        TestCase draft = service.create(ALICE, suite.id(), content("TC-002", "Sign out"));

        var result = service.approveAll(ALICE, suite.id(), java.util.Map.of(generated.id(), generated.version(), draft.id(), draft.version()));

        assertThat(result.approved()).extracting(TestCase::id).containsExactly(generated.id());
        assertThat(result.skipped()).extracting(s -> s.key().value()).containsExactly("TC-002");
        assertThat(service.get(ALICE, generated.id()).status()).isEqualTo(CaseStatus.APPROVED);
    }

    @Test void bulk_approval_skips_a_case_changed_since_the_reviewer_saw_it() {
        TestCase generated = generatedCase();

        var result = service.approveAll(ALICE, suite.id(), java.util.Map.of(generated.id(), generated.version() - 1));

        assertThat(result.approved()).isEmpty();
        assertThat(service.get(ALICE, generated.id()).status()).isEqualTo(CaseStatus.GENERATED);
    }

    @Test void a_deleted_case_is_gone_and_an_outsider_cannot_delete_one() {
        TestCase created = service.create(ALICE, suite.id(), content("TC-001", "Sign in"));

        assertThatThrownBy(() -> service.delete(OUTSIDER, created.id())).isInstanceOf(TestCaseNotFound.class);
        service.delete(BOB, created.id());

        assertThatThrownBy(() -> service.get(ALICE, created.id())).isInstanceOf(TestCaseNotFound.class);
    }

    @Test void neighbours_follow_the_listing() {
        TestCase first = service.create(ALICE, suite.id(), content("TC-001", "a"));
        TestCase second = service.create(ALICE, suite.id(), content("TC-002", "b"));
        TestCase third = service.create(ALICE, suite.id(), content("TC-003", "c"));

        var around = service.neighbours(ALICE, new TestCaseQuery(suite.id(), Set.of(), Optional.empty(), PageRequest.first()), second.id());

        assertThat(around.previous()).contains(first.id());
        assertThat(around.next()).contains(third.id());
        assertThat(around.position()).isEqualTo(2);
        assertThat(around.total()).isEqualTo(3);
    }
}
