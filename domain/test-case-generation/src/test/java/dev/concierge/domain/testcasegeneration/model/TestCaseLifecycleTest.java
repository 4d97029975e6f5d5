package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCaseLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final UserId ALICE = new UserId("alice");
    private static final Procedure TWO_STEPS = new Procedure(List.of(new Step("Open the login page", "The form is shown"),
            new Step("Sign in", "The dashboard is shown")));

    private static TestCaseContent content(String title) {
        return new TestCaseContent(new TestCaseKey("TC-001"), title, "", "", "REQ-1", "", Priority.HIGH, List.of("login"));
    }

    private static TestCase draft() {
        return new TestCase(new TestCaseId(1), new SuiteId(1), content("Sign in works"), CaseStatus.DRAFT, Optional.empty(),
                Optional.empty(), Optional.empty(), 0, T0);
    }

    private static TestCase generated() { return draft().queue(T0).startGenerating(T0).generated(TWO_STEPS, T0.plusSeconds(5)); }

    private static void refused(Runnable change, String code) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test void a_draft_goes_through_queued_generating_generated_to_approved() {
        TestCase queued = draft().queue(T0);
        TestCase generating = queued.startGenerating(T0);
        TestCase generated = generating.generated(TWO_STEPS, T0.plusSeconds(5));
        TestCase approved = generated.approve(ALICE, T0.plusSeconds(60));

        assertThat(List.of(queued, generating, generated, approved)).extracting(TestCase::status)
                .containsExactly(CaseStatus.QUEUED, CaseStatus.GENERATING, CaseStatus.GENERATED, CaseStatus.APPROVED);
        assertThat(approved.procedure()).hasValueSatisfying(r -> assertThat(r.procedure()).isEqualTo(TWO_STEPS));
    }

    @Test void the_first_generated_procedure_is_revision_one_by_the_model() {
        ProcedureRevision revision = generated().procedure().orElseThrow();

        assertThat(revision.number()).isEqualTo(1);
        assertThat(revision.kind()).isEqualTo(RevisionKind.GENERATED);
        assertThat(revision.author()).isEmpty();
        assertThat(revision.createdAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(revision.change()).isEqualTo(new RevisionChange(true, 2, List.of(), 0, List.of(), 0));
    }

    @Test void an_edit_is_a_new_revision_saying_who_when_and_what_changed() {
        Procedure edited = new Procedure(List.of(new Step("Open the login page", "The form is shown"),
                new Step("Sign in as alice", "The dashboard is shown"), new Step("Sign out", "The login page is shown")));

        TestCase after = generated().edit(edited, ALICE, T0.plusSeconds(90));

        ProcedureRevision revision = after.procedure().orElseThrow();
        assertThat(after.status()).isEqualTo(CaseStatus.GENERATED);
        assertThat(revision.number()).isEqualTo(2);
        assertThat(revision.kind()).isEqualTo(RevisionKind.EDITED);
        assertThat(revision.author()).contains("alice");
        assertThat(revision.createdAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(revision.change()).isEqualTo(new RevisionChange(false, 3, List.of(2), 1, List.of(3), 0));
    }

    @Test void an_edit_that_changes_nothing_adds_no_revision() {
        TestCase before = generated();

        assertThat(before.edit(TWO_STEPS, ALICE, T0.plusSeconds(90))).isSameAs(before);
    }

    @Test void removed_steps_are_counted_in_the_summary() {
        TestCase after = generated().edit(new Procedure(List.of(new Step("Open the login page", "The form is shown"))), ALICE, T0);

        assertThat(after.procedure().orElseThrow().change()).isEqualTo(new RevisionChange(false, 1, List.of(), 0, List.of(), 1));
    }

    @Test void an_approved_procedure_changes_only_after_reopening() {
        TestCase approved = generated().approve(ALICE, T0);
        Procedure edited = new Procedure(List.of(new Step("Another", "Result")));

        refused(() -> approved.edit(edited, ALICE, T0), "approved_locked");
        refused(() -> approved.queue(T0), "approved_locked");
        refused(() -> approved.withContent(content("New title"), T0), "content_locked");

        TestCase reopened = approved.reopen(T0);
        assertThat(reopened.status()).isEqualTo(CaseStatus.GENERATED);
        assertThat(reopened.edit(edited, ALICE, T0).procedure().orElseThrow().number()).isEqualTo(2);
    }

    @Test void only_an_approved_case_can_be_reopened() {
        refused(() -> generated().reopen(T0), "not_approved");
    }

    @Test void rejecting_keeps_the_procedure_and_the_reason_for_the_next_generation() {
        TestCase rejected = generated().reject("Step 2 misses the password", T0);

        assertThat(rejected.status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(rejected.reviewerFeedback()).contains("Step 2 misses the password");
        assertThat(rejected.procedure()).isPresent();
    }

    @Test void regenerating_a_rejected_case_adds_the_next_revision_and_clears_the_feedback() {
        TestCase regenerated = generated().reject("too vague", T0).queue(T0).startGenerating(T0).generated(TWO_STEPS, T0);

        assertThat(regenerated.procedure().orElseThrow().number()).isEqualTo(2);
        assertThat(regenerated.reviewerFeedback()).isEmpty();
    }

    @Test void a_generated_case_can_be_regenerated_directly() {
        assertThat(generated().queue(T0).status()).isEqualTo(CaseStatus.QUEUED);
    }

    @Test void only_a_generated_procedure_can_be_approved_rejected_or_edited() {
        refused(() -> draft().approve(ALICE, T0), "not_generated");
        refused(() -> draft().reject("no", T0), "not_generated");
        refused(() -> draft().edit(TWO_STEPS, ALICE, T0), "no_procedure_to_edit");
    }

    @Test void a_case_already_queued_or_generating_is_not_queued_again() {
        refused(() -> draft().queue(T0).queue(T0), "already_queued");
        refused(() -> draft().queue(T0).startGenerating(T0).queue(T0), "already_queued");
    }

    @Test void a_failed_generation_records_a_reason_code_and_the_case_can_be_retried() {
        TestCase failed = draft().queue(T0).startGenerating(T0).generationFailed(GenerationFailure.INVALID_OUTPUT, T0);

        assertThat(failed.status()).isEqualTo(CaseStatus.FAILED);
        assertThat(failed.failureReason()).contains("invalid_output");
        assertThat(failed.failure()).contains(GenerationFailure.INVALID_OUTPUT);
        TestCase retried = failed.queue(T0);
        assertThat(retried.status()).isEqualTo(CaseStatus.QUEUED);
        assertThat(retried.failureReason()).isEmpty();
    }

    @Test void a_reason_stored_before_codes_is_no_known_failure() {
        TestCase failed = draft().queue(T0).startGenerating(T0).generationFailed(GenerationFailure.UNEXPECTED, T0);
        TestCase older = new TestCase(failed.id(), failed.suite(), failed.content(), failed.status(), failed.procedure(),
                Optional.of("The model returned an invalid procedure 3 times."), Optional.empty(), 1, T0);

        assertThat(older.failure()).isEmpty();
    }

    @Test void a_rejected_procedure_can_be_corrected_by_hand_and_is_ready_for_review_again() {
        TestCase rejected = generated().reject("step 2 is vague", T0);
        Procedure fixed = new Procedure(List.of(new Step("Open the login page", "The form is shown")));

        TestCase edited = rejected.edit(fixed, ALICE, T0.plusSeconds(5));

        assertThat(rejected.procedureEditable()).isTrue();
        assertThat(edited.status()).isEqualTo(CaseStatus.GENERATED);
        assertThat(edited.procedure().orElseThrow().procedure()).isEqualTo(fixed);
    }

    @Test void a_second_start_of_the_same_job_is_refused() {
        refused(() -> draft().queue(T0).startGenerating(T0).startGenerating(T0), "not_queued");
    }

    @Test void only_a_generating_case_takes_a_generated_procedure() {
        refused(() -> draft().queue(T0).generated(TWO_STEPS, T0), "not_generating");
        refused(() -> generated().generated(TWO_STEPS, T0), "not_generating");
    }

    @Test void a_dequeued_case_returns_to_where_it_was() {
        assertThat(draft().queue(T0).dequeued(T0).status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(generated().queue(T0).dequeued(T0).status()).isEqualTo(CaseStatus.GENERATED);
    }

    @Test void a_case_waiting_for_the_model_is_queued_again() {
        assertThat(draft().queue(T0).startGenerating(T0).requeued(T0).status()).isEqualTo(CaseStatus.QUEUED);
    }

    @Test void wording_cannot_change_while_the_model_works_on_it_and_the_key_never_changes() {
        refused(() -> draft().queue(T0).startGenerating(T0).withContent(content("Other"), T0), "content_locked");
        TestCaseContent otherKey = new TestCaseContent(new TestCaseKey("TC-002"), "Sign in works", "", "", "REQ-1", "", Priority.HIGH, List.of("login"));
        refused(() -> draft().withContent(otherKey, T0), "key_immutable");
        assertThat(draft().withContent(content("Sign in works with SSO"), T0).content().title()).isEqualTo("Sign in works with SSO");
    }

    @Test void the_language_of_the_procedure_follows_the_test_case() {
        assertThat(content("Sign in works").language()).isEqualTo(Language.EN);
        assertThat(content("ログインできること").language()).isEqualTo(Language.JA);
        assertThat(new TestCaseContent(new TestCaseKey("TC-9"), "Login", "", "", "", "利用者はパスワードでログインできる", Priority.LOW, List.of())
                .language()).isEqualTo(Language.JA);
    }
}
