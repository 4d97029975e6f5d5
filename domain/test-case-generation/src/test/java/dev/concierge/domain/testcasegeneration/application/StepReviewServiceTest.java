package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ModelFinding;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.ProcedureQuality;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.StepRule;
import dev.concierge.domain.testcasegeneration.model.StepVerdict;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.in.EditStepCommand;
import dev.concierge.domain.testcasegeneration.port.in.StepCommand;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.StepRewriter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepReviewServiceTest {
    private static final Actor ALICE = new Actor(new UserId("alice"), Set.of("qa"));
    private static final Actor EVE = new Actor(new UserId("eve"), Set.of("web"));

    private final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock();
    private final InMemoryPorts.Suites suites = new InMemoryPorts.Suites();
    private final InMemoryPorts.TestCases cases = new InMemoryPorts.TestCases();
    private final InMemoryQualities qualities = new InMemoryQualities();
    private final List<String> rewriteNotes = new ArrayList<>();
    private final StepRewriter rewriter = (testCase, procedure, step, note) -> {
        rewriteNotes.add(step + ":" + note);
        return new Step("Click the \"Sign in\" button", "The dashboard page is displayed");
    };
    private final RevisionChecks checks = new RevisionChecks(qualities, Optional.empty(), clock);
    private final StepReviewService service = new StepReviewService(suites, cases, qualities, rewriter, checks,
            new InMemoryPorts.DirectTransactions(), clock);
    private final Suite suite = suites.create(new NewSuite("Login", ""), "qa", ALICE.user(), clock.instant());

    private TestCase generated() {
        TestCase created = cases.create(suite.id(), new TestCaseContent(new TestCaseKey("TC-1"), "Sign in with a password", "", "", "", "",
                Priority.MEDIUM, List.of()), clock.instant());
        TestCase queued = cases.save(created.queue(clock.instant()));
        TestCase generating = cases.save(queued.startGenerating(clock.instant()));
        TestCase done = cases.save(generating.generated(new Procedure(List.of(
                new Step("Open the login page", "The login form is displayed"),
                new Step("Enter the password and click Sign in", "It works as expected"),
                new Step("Look at the header", "The user name \"alice\" is displayed"))), clock.instant()));
        checks.scoreCurrent(done);
        return done;
    }

    @Test void the_quality_of_the_current_revision_has_its_score_and_the_findings_per_step() {
        TestCase testCase = generated();
        ProcedureQuality quality = service.quality(ALICE, testCase.id());
        assertThat(quality.revision()).isEqualTo(1);
        assertThat(quality.score().at(2)).extracting(f -> f.rule())
                .containsExactlyInAnyOrder(StepRule.ONE_ACTION, StepRule.OBSERVABLE_RESULT, StepRule.CONCRETE_DATA);
        assertThat(quality.score().score()).isLessThan(100);
        assertThat(qualities.scores).containsKey(testCase.id().value() + "#1");
    }

    @Test void accepting_a_step_keeps_the_procedure_and_records_the_note() {
        TestCase testCase = generated();
        var reviewed = service.accept(new StepCommand(ALICE, testCase.id(), 1, "clear enough", testCase.version()));
        assertThat(reviewed.testCase().version()).isEqualTo(testCase.version());
        assertThat(reviewed.quality().reviewOf(1)).hasValueSatisfying(r -> {
            assertThat(r.verdict()).isEqualTo(StepVerdict.ACCEPTED);
            assertThat(r.note()).isEqualTo("clear enough");
            assertThat(r.reviewer()).isEqualTo(ALICE.user());
        });
        assertThat(cases.revisions(testCase.id())).hasSize(1);
    }

    @Test void editing_a_step_makes_a_new_revision_where_only_that_step_changed() {
        TestCase testCase = generated();
        Step mine = new Step("Enter the password", "The password field shows dots", Optional.of("Secr3t!"));
        var reviewed = service.edit(new EditStepCommand(ALICE, testCase.id(), 2, mine, "split in two", testCase.version()));
        List<Step> steps = reviewed.testCase().procedure().orElseThrow().procedure().steps();
        assertThat(steps.get(1)).isEqualTo(mine);
        assertThat(steps.get(0)).isEqualTo(testCase.procedure().orElseThrow().procedure().steps().get(0));
        assertThat(steps.get(2)).isEqualTo(testCase.procedure().orElseThrow().procedure().steps().get(2));
        assertThat(reviewed.quality().revision()).isEqualTo(2);
        assertThat(reviewed.quality().score().at(2)).isEmpty();
        assertThat(reviewed.quality().reviewOf(2)).map(r -> r.verdict()).hasValue(StepVerdict.EDITED);
        assertThat(qualities.scores).containsKey(testCase.id().value() + "#2");
    }

    @Test void regenerating_a_step_asks_the_model_for_that_step_with_the_note_and_keeps_the_rest() {
        TestCase testCase = generated();
        var reviewed = service.regenerate(new StepCommand(ALICE, testCase.id(), 2, "only the click, please", testCase.version()));
        assertThat(rewriteNotes).containsExactly("2:only the click, please");
        List<Step> steps = reviewed.testCase().procedure().orElseThrow().procedure().steps();
        assertThat(steps).hasSize(3);
        assertThat(steps.get(1).action()).isEqualTo("Click the \"Sign in\" button");
        assertThat(reviewed.quality().reviewOf(2)).map(r -> r.verdict()).hasValue(StepVerdict.REGENERATED);
        assertThat(reviewed.testCase().status()).isEqualTo(CaseStatus.GENERATED);
    }

    @Test void the_decisions_on_the_other_steps_stay_when_one_step_is_rewritten() {
        TestCase testCase = generated();
        var accepted = service.accept(new StepCommand(ALICE, testCase.id(), 3, "fine", testCase.version()));
        var regenerated = service.regenerate(new StepCommand(ALICE, testCase.id(), 2, "", accepted.testCase().version()));
        assertThat(regenerated.quality().revision()).isEqualTo(2);
        assertThat(regenerated.quality().reviewOf(3)).hasValueSatisfying(r -> {
            assertThat(r.verdict()).isEqualTo(StepVerdict.ACCEPTED);
            assertThat(r.note()).isEqualTo("fine");
        });
        assertThat(regenerated.quality().reviewOf(1)).isEmpty();
    }

    @Test void a_step_of_a_procedure_someone_changed_meanwhile_is_refused() {
        TestCase testCase = generated();
        assertThatThrownBy(() -> service.accept(new StepCommand(ALICE, testCase.id(), 1, "", testCase.version() - 1)))
                .isInstanceOf(Conflict.class);
    }

    @Test void a_step_the_procedure_does_not_have_is_refused_with_the_count() {
        TestCase testCase = generated();
        assertThatThrownBy(() -> service.accept(new StepCommand(ALICE, testCase.id(), 4, "", testCase.version())))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.code()).isEqualTo(StepReviewService.NO_SUCH_STEP));
    }

    @Test void an_approved_procedure_is_not_reviewed_step_by_step() {
        TestCase approved = cases.save(generated().approve(ALICE.user(), clock.instant()));
        assertThatThrownBy(() -> service.regenerate(new StepCommand(ALICE, approved.id(), 1, "", approved.version())))
                .isInstanceOfSatisfying(RuleViolated.class, e -> assertThat(e.code()).isEqualTo("approved_locked"));
        assertThat(rewriteNotes).isEmpty();
    }

    @Test void another_team_does_not_see_the_case() {
        TestCase testCase = generated();
        assertThatThrownBy(() -> service.quality(EVE, testCase.id())).isInstanceOf(dev.concierge.domain.kernel.NotFound.class);
    }

    @Test void the_second_model_pass_keeps_its_findings_and_a_failed_pass_loses_only_them() {
        TestCase testCase = generated();
        var reviewing = new RevisionChecks(qualities, Optional.of((request, procedure) ->
                List.of(new ModelFinding(Optional.of(2), "The step does not check the error message."))), clock);
        reviewing.reviewGenerated(testCase);
        assertThat(service.quality(ALICE, testCase.id()).modelReview()).hasValueSatisfying(r ->
                assertThat(r.findings()).extracting(ModelFinding::text).containsExactly("The step does not check the error message."));

        var failing = new RevisionChecks(qualities, Optional.of((request, procedure) -> {
            throw new ProcedureGenerator.GenerationUnavailable("no model");
        }), clock);
        failing.reviewGenerated(testCase); // does not throw
        assertThat(service.quality(ALICE, testCase.id()).modelReview()).isPresent();
    }

    @Test void a_generation_scores_the_new_revision_and_runs_the_second_pass_when_configured() {
        TestCase created = cases.create(suite.id(), new TestCaseContent(new TestCaseKey("TC-9"), "Sign out", "", "", "", "",
                Priority.MEDIUM, List.of()), clock.instant());
        var queue = new InMemoryPorts.Queue(clock);
        var reviewed = new ArrayList<String>();
        var checksWithModel = new RevisionChecks(qualities, Optional.of((request, procedure) -> {
            reviewed.add(request.key());
            return List.of();
        }), clock);
        var generation = new GenerationService(suites, cases, queue, new InMemoryPorts.ScriptedGenerator(), () -> Optional.empty(),
                new InMemoryPorts.DirectTransactions(), new dev.concierge.domain.testcasegeneration.model.RetryPolicy(
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 3), java.time.Duration.ofMinutes(2),
                dev.concierge.domain.testcasegeneration.port.out.JobsQueued.nobody(),
                dev.concierge.domain.testcasegeneration.port.out.SuiteSettingsRepository.none(), checksWithModel, clock);
        generation.generate(new dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand(ALICE, suite.id(), List.of(created.id())));
        generation.claim("w", 1).forEach(generation::process);
        assertThat(qualities.scores).containsKey(created.id().value() + "#1");
        assertThat(reviewed).containsExactly("TC-9");
        assertThat(qualities.reviews).containsKey(created.id().value() + "#1");
    }
}
