package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.Unavailable;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchNotFound;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ClaimedJob;
import dev.concierge.domain.testcasegeneration.model.GenerationFailure;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.RetryPolicy;
import dev.concierge.domain.testcasegeneration.model.RevisionKind;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteNotFound;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GenerationServiceTest {
    private static final Actor ALICE = new Actor(new UserId("alice"), Set.of("qa"));
    private static final Actor OUTSIDER = new Actor(new UserId("eve"), Set.of("web"));
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final RetryPolicy RETRIES = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(5), 3);

    private final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock();
    private final InMemoryPorts.Suites suites = new InMemoryPorts.Suites();
    private final InMemoryPorts.TestCases cases = new InMemoryPorts.TestCases();
    private final InMemoryPorts.Queue queue = new InMemoryPorts.Queue(clock);
    private final InMemoryPorts.ScriptedGenerator model = new InMemoryPorts.ScriptedGenerator();
    private final InMemoryPorts.SwitchableModelStatus modelStatus = new InMemoryPorts.SwitchableModelStatus();
    private final java.util.concurrent.atomic.AtomicInteger announced = new java.util.concurrent.atomic.AtomicInteger();
    private final GenerationService service = new GenerationService(suites, cases, queue, model, modelStatus,
            new InMemoryPorts.DirectTransactions(), RETRIES, LEASE, announced::incrementAndGet, clock);
    private final Suite suite = suites.create(new NewSuite("Login", ""), "qa", ALICE.user(), clock.instant());

    private TestCase draft(String key, String title) {
        return cases.create(suite.id(), new TestCaseContent(new TestCaseKey(key), title, "", "", "", "", Priority.MEDIUM, List.of()), clock.instant());
    }

    private TestCase current(TestCase testCase) { return cases.find(testCase.id()).orElseThrow(); }

    private Batch generateAllDrafts() { return service.generate(new GenerateProceduresCommand(ALICE, suite.id(), List.of())); }

    private ClaimedJob claimOne(String worker) {
        List<ClaimedJob> claimed = service.claim(worker, 1);
        assertThat(claimed).as("a job to claim").hasSize(1);
        return claimed.getFirst();
    }

    /** Claims and processes every due job, as one worker would. */
    private void runDueJobs() {
        for (List<ClaimedJob> claimed = service.claim("w1", 10); !claimed.isEmpty(); claimed = service.claim("w1", 10)) {
            claimed.forEach(service::process);
        }
    }

    // --- queueing

    @Test void generating_every_draft_queues_one_job_per_draft_in_one_batch() {
        TestCase first = draft("TC-001", "Sign in");
        TestCase second = draft("TC-002", "Sign out");

        Batch batch = generateAllDrafts();

        assertThat(batch.size()).isEqualTo(2);
        assertThat(current(first).status()).isEqualTo(CaseStatus.QUEUED);
        assertThat(current(second).status()).isEqualTo(CaseStatus.QUEUED);
        assertThat(service.progress(ALICE, batch.id()).counts()).containsEntry(JobState.QUEUED, 2);
        assertThat(announced).as("idle workers are told once per batch").hasValue(1);
    }

    @Test void with_no_model_reachable_generation_is_unavailable_and_nothing_is_queued() {
        TestCase testCase = draft("TC-001", "Sign in");
        modelStatus.reason = Optional.of("No LLM reachable at http://localhost:11434 — start Ollama there, or set LLM_PROVIDER=openai.");

        var unavailable = catchThrowableOfType(Unavailable.class, this::generateAllDrafts);

        assertThat(unavailable.getMessage()).contains("start Ollama").contains("LLM_PROVIDER=openai");
        assertThat(current(testCase).status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(queue.jobs).isEmpty();
        assertThat(announced).hasValue(0);
    }

    @Test void a_suite_without_drafts_has_nothing_to_generate() {
        assertThatThrownBy(this::generateAllDrafts)
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.code()).isEqualTo("nothing_to_generate"));
    }

    @Test void a_selection_with_a_case_that_cannot_be_generated_queues_nothing() {
        TestCase draft = draft("TC-001", "Sign in");
        TestCase queued = draft("TC-002", "Sign out");
        service.generate(new GenerateProceduresCommand(ALICE, suite.id(), List.of(queued.id())));

        var refused = catchThrowableOfType(RuleViolated.class,
                () -> service.generate(new GenerateProceduresCommand(ALICE, suite.id(), List.of(draft.id(), queued.id()))));

        assertThat(refused.code()).isEqualTo("not_generatable");
        assertThat(refused.details()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("TC-002"));
        assertThat(current(draft).status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(queue.jobs).hasSize(1);
    }

    @Test void another_teams_suite_and_batches_are_not_found() {
        draft("TC-001", "Sign in");
        Batch batch = generateAllDrafts();

        assertThatThrownBy(() -> service.generate(new GenerateProceduresCommand(OUTSIDER, suite.id(), List.of()))).isInstanceOf(SuiteNotFound.class);
        assertThatThrownBy(() -> service.progress(OUTSIDER, batch.id())).isInstanceOf(BatchNotFound.class);
        assertThatThrownBy(() -> service.cancel(OUTSIDER, batch.id())).isInstanceOf(BatchNotFound.class);
        assertThatThrownBy(() -> service.batches(OUTSIDER, suite.id(), PageRequest.first())).isInstanceOf(SuiteNotFound.class);
        assertThat(service.batches(ALICE, suite.id(), PageRequest.first()).items()).containsExactly(batch);
    }

    // --- processing

    @Test void a_processed_job_gives_its_case_the_generated_procedure_as_revision_one() {
        TestCase testCase = draft("TC-001", "Sign in");
        Batch batch = generateAllDrafts();

        service.process(claimOne("w1"));

        TestCase generated = current(testCase);
        assertThat(generated.status()).isEqualTo(CaseStatus.GENERATED);
        assertThat(generated.procedure().orElseThrow().procedure()).isEqualTo(InMemoryPorts.ScriptedGenerator.DEFAULT);
        assertThat(cases.revisions(testCase.id())).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo(RevisionKind.GENERATED));
        assertThat(service.progress(ALICE, batch.id()).counts()).containsEntry(JobState.SUCCEEDED, 1);
    }

    @Test void the_model_is_asked_in_the_language_of_the_case_with_the_reviewers_feedback() {
        TestCase testCase = draft("TC-001", "ログインできること");
        generateAllDrafts();
        runDueJobs();
        TestCase generated = current(testCase);
        cases.save(generated.reject("手順2にパスワード入力がない", clock.instant()));

        generateAllDrafts();
        runDueJobs();

        assertThat(model.requests).extracting(ProcedureGenerator.Request::language).containsExactly(Language.JA, Language.JA);
        assertThat(model.requests.get(1).reviewerFeedback()).contains("手順2にパスワード入力がない");
        assertThat(cases.revisions(testCase.id())).extracting(r -> r.number()).containsExactly(1, 2);
    }

    @Test void a_job_whose_worker_died_is_taken_over_after_its_lease_and_applied_once() {
        TestCase testCase = draft("TC-001", "Sign in");
        generateAllDrafts();
        ClaimedJob first = claimOne("dead-worker");
        assertThat(service.claim("w2", 1)).as("a leased job is not claimed twice").isEmpty();

        clock.advance(LEASE.plusSeconds(1));
        ClaimedJob takeover = claimOne("w2");
        service.process(takeover);
        service.process(first); // the first holder was only slow: it finishes late, and its result is refused

        assertThat(takeover.attempt()).isEqualTo(2);
        assertThat(current(testCase).status()).isEqualTo(CaseStatus.GENERATED);
        assertThat(cases.revisions(testCase.id())).hasSize(1);
    }

    @Test void a_heartbeat_keeps_the_lease() {
        draft("TC-001", "Sign in");
        generateAllDrafts();
        ClaimedJob job = claimOne("w1");

        clock.advance(LEASE.minusSeconds(10));
        service.heartbeat("w1", List.of(job.id()));
        clock.advance(Duration.ofSeconds(30));

        assertThat(service.claim("w2", 1)).isEmpty();
    }

    @Test void handing_back_makes_a_running_job_claimable_at_once() {
        TestCase testCase = draft("TC-001", "Sign in");
        generateAllDrafts();
        claimOne("stopping-instance");

        assertThat(service.handBack("stopping-instance")).isEqualTo(1);
        service.process(claimOne("other-instance"));

        assertThat(current(testCase).status()).isEqualTo(CaseStatus.GENERATED);
    }

    @Test void a_result_the_database_could_not_record_is_no_failure_and_the_job_handed_back_runs_again() {
        TestCase testCase = draft("TC-001", "Sign in");
        generateAllDrafts();
        ClaimedJob job = claimOne("w1");
        queue.databaseGoneAtNextSuccess = true;

        assertThatThrownBy(() -> service.process(job)).isInstanceOf(Unavailable.class);
        assertThat(queue.of(testCase.id()).getFirst().state).as("not failed: the model answered, the database did not")
                .isEqualTo(JobState.RUNNING);
        assertThat(service.handBack(job)).isTrue();
        service.process(claimOne("w1"));

        assertThat(current(testCase).status()).isEqualTo(CaseStatus.GENERATED);
    }

    @Test void while_the_model_is_unavailable_the_job_waits_with_growing_jittered_backoff() {
        TestCase testCase = draft("TC-001", "Sign in");
        generateAllDrafts();
        model.thenUnavailable(2);

        service.process(claimOne("w1"));
        var job = queue.of(testCase.id()).getFirst();
        Duration firstWait = Duration.between(clock.instant(), job.runAfter);
        assertThat(current(testCase).status()).isEqualTo(CaseStatus.QUEUED);
        assertThat(firstWait).isBetween(Duration.ofMillis(2_500), Duration.ofSeconds(5));
        assertThat(service.claim("w1", 1)).as("not before its time").isEmpty();

        clock.advance(firstWait);
        service.process(claimOne("w1"));
        Duration secondWait = Duration.between(clock.instant(), job.runAfter);
        assertThat(secondWait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));

        clock.advance(secondWait);
        service.process(claimOne("w1"));
        assertThat(current(testCase).status()).isEqualTo(CaseStatus.GENERATED);
    }

    @Test void a_model_unavailable_beyond_the_limit_fails_the_case_with_a_reason_and_a_person_can_retry() {
        TestCase testCase = draft("TC-001", "Sign in");
        generateAllDrafts();
        model.thenUnavailable(RETRIES.maxAttempts());
        for (int i = 0; i < RETRIES.maxAttempts(); i++) {
            clock.advance(Duration.ofMinutes(10));
            service.process(claimOne("w1"));
        }

        TestCase failed = current(testCase);
        assertThat(failed.status()).isEqualTo(CaseStatus.FAILED);
        assertThat(failed.failure()).contains(GenerationFailure.MODEL_UNAVAILABLE); // the operator's account stays in the job
        assertThat(queue.of(testCase.id()).getFirst().state).isEqualTo(JobState.FAILED);

        service.generate(new GenerateProceduresCommand(ALICE, suite.id(), List.of(testCase.id())));
        runDueJobs();
        assertThat(current(testCase).status()).isEqualTo(CaseStatus.GENERATED);
    }

    @Test void output_that_keeps_breaking_the_rules_fails_the_case_with_a_reason_code_not_operator_advice() {
        TestCase testCase = draft("TC-001", "Sign in");
        generateAllDrafts();
        model.thenThrow(new ProcedureGenerator.GenerationFailed("The model returned an invalid procedure 3 times: steps[0].action must not be blank."));

        runDueJobs();

        assertThat(current(testCase).failureReason()).contains("invalid_output");
        assertThat(queue.of(testCase.id()).getFirst().state).isEqualTo(JobState.FAILED);
    }

    @Test void an_unexpected_error_fails_the_case_with_its_code() {
        TestCase testCase = draft("TC-001", "Sign in");
        generateAllDrafts();
        model.thenThrow(new IllegalStateException("boom"));

        runDueJobs();

        assertThat(current(testCase).failure()).contains(GenerationFailure.UNEXPECTED);
    }

    @Test void a_job_applied_already_is_only_finished_when_run_again() {
        TestCase testCase = draft("TC-001", "Sign in");
        generateAllDrafts();
        ClaimedJob job = claimOne("w1");
        service.process(job);

        service.process(job);

        assertThat(model.requests).hasSize(1);
        assertThat(cases.revisions(testCase.id())).hasSize(1);
    }

    // --- cancel and progress

    @Test void cancelling_stops_queued_jobs_returns_their_cases_and_lets_running_ones_finish() {
        TestCase running = draft("TC-001", "Sign in");
        TestCase waiting = draft("TC-002", "Sign out");
        Batch batch = generateAllDrafts();
        ClaimedJob job = claimOne("w1");

        BatchProgress progress = service.cancel(ALICE, batch.id());
        service.process(job);

        assertThat(progress.batch().cancelled()).isTrue();
        assertThat(progress.counts()).containsEntry(JobState.CANCELLED, 1).containsEntry(JobState.RUNNING, 1);
        assertThat(current(waiting).status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(current(running).status()).isEqualTo(CaseStatus.GENERATED);
        assertThat(service.progress(ALICE, batch.id()).done()).isTrue();
        assertThat(service.claim("w1", 1)).isEmpty();
    }

    @Test void a_job_of_a_cancelled_batch_is_not_retried_when_the_model_is_unavailable() {
        TestCase testCase = draft("TC-001", "Sign in");
        Batch batch = generateAllDrafts();
        ClaimedJob job = claimOne("w1");
        service.cancel(ALICE, batch.id());
        model.thenUnavailable(1);

        service.process(job);

        assertThat(current(testCase).status()).isEqualTo(CaseStatus.FAILED);
        assertThat(current(testCase).failure()).contains(GenerationFailure.CANCELLED_WHILE_UNAVAILABLE);
        assertThat(service.progress(ALICE, batch.id()).done()).isTrue();
    }

    @Test void progress_counts_jobs_per_state_and_estimates_the_time_left() {
        for (int i = 1; i <= 5; i++) draft("TC-00" + i, "Case " + i);
        Batch batch = generateAllDrafts();
        service.process(claimOne("w1"));
        clock.advance(Duration.ofSeconds(30));
        service.process(claimOne("w1"));
        clock.advance(Duration.ofSeconds(30));
        service.process(claimOne("w1"));
        claimOne("w1");

        BatchProgress progress = service.progress(ALICE, batch.id());

        assertThat(progress.counts()).containsEntry(JobState.SUCCEEDED, 3).containsEntry(JobState.RUNNING, 1).containsEntry(JobState.QUEUED, 1);
        assertThat(progress.perMinute()).contains(2.0);
        assertThat(progress.estimatedTimeLeft()).contains(Duration.ofMinutes(1));
    }

    @Test void a_step_list_from_the_model_is_stored_as_given() {
        TestCase testCase = draft("TC-001", "Sign in");
        Procedure procedure = new Procedure(List.of(new Step("Open", "Shown", Optional.of("user=alice"))));
        model.then(procedure);
        generateAllDrafts();

        runDueJobs();

        assertThat(current(testCase).procedure().orElseThrow().procedure()).isEqualTo(procedure);
        assertThat(TestCaseId.parse(String.valueOf(testCase.id().value()))).isEqualTo(testCase.id());
    }

    @Test void generating_a_selection_queues_what_it_can_and_names_the_rest() {
        TestCase draft = draft("TC-001", "Sign in");
        TestCase approved = draft("TC-002", "Sign out");
        generateAllDrafts();
        runDueJobs();
        TestCase generated = current(approved);
        cases.save(generated.approve(ALICE.user(), clock.instant()));
        TestCase generatedDraft = current(draft);

        var started = service.start(new GenerateProceduresCommand(ALICE, suite.id(), List.of(generatedDraft.id(), approved.id())));

        assertThat(started.batch().size()).isEqualTo(1);
        assertThat(started.skipped()).extracting(s -> s.key().value()).containsExactly("TC-002");
        assertThat(started.skipped().getFirst().status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(current(draft).status()).isEqualTo(CaseStatus.QUEUED);
    }
}
