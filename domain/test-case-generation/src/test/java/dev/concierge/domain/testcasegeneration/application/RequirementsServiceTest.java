package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.testcasegeneration.model.TestCaseNotFound;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Conflict;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.CaseKind;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.CoverageMatrix;
import dev.concierge.domain.testcasegeneration.model.GlossaryEntry;
import dev.concierge.domain.testcasegeneration.model.NewRequirement;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.RequirementDetail;
import dev.concierge.domain.testcasegeneration.model.RequirementImport;
import dev.concierge.domain.testcasegeneration.model.RequirementNotFound;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.in.ImportRequirementsCommand;
import dev.concierge.domain.testcasegeneration.port.in.ManageRequirementsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.UpdateSuiteSettingsCommand;
import dev.concierge.domain.kernel.RuleViolated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequirementsServiceTest {
    private static final Actor ALICE = new Actor(new UserId("alice"), Set.of("qa"));
    private static final Actor OUTSIDER = new Actor(new UserId("eve"), Set.of("web"));

    private final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock();
    private final InMemoryPorts.Suites suites = new InMemoryPorts.Suites();
    private final InMemoryPorts.TestCases cases = new InMemoryPorts.TestCases();
    private final InMemoryRequirements.Requirements requirements = new InMemoryRequirements.Requirements(cases);
    private final InMemoryRequirements.Settings settings = new InMemoryRequirements.Settings();
    private final InMemoryRequirements.ScriptedCaseGenerator model = new InMemoryRequirements.ScriptedCaseGenerator();
    private final InMemoryPorts.SwitchableModelStatus modelStatus = new InMemoryPorts.SwitchableModelStatus();
    private final RequirementsService service = new RequirementsService(suites, cases, requirements, model, modelStatus, settings,
            new InMemoryPorts.DirectTransactions(), clock);
    private final SuiteSettingsService settingsService = new SuiteSettingsService(suites, cases, settings, clock);
    private Suite suite;

    @BeforeEach void suite() { suite = suites.create(new NewSuite("Login", ""), "qa", ALICE.user(), clock.instant()); }

    private static NewRequirement login(String lockout) {
        return new NewRequirement("REQ-1", "Sign-in", "", List.of(AcceptanceCriterion.of("AC1", "A correct password opens the dashboard"),
                AcceptanceCriterion.of("AC2", lockout)));
    }

    private RequirementImport importing(NewRequirement... requirements) {
        return service.importRequirements(new ImportRequirementsCommand(ALICE, suite.id(), List.of(requirements)));
    }

    @Test void generating_from_a_requirement_stores_generated_cases_traced_to_its_criteria_with_provenance() {
        var requirement = importing(login("Five wrong passwords lock the account")).requirements().getFirst().requirement();

        List<TestCase> generated = service.generateCases(ALICE, requirement.id());

        assertThat(generated).extracting(c -> c.content().key().value()).containsExactly("REQ-1-C01", "REQ-1-C02", "REQ-1-C03");
        assertThat(generated).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CaseStatus.GENERATED);
            assertThat(c.procedure().flatMap(ProcedureRevision::provenance)).contains(InMemoryRequirements.ScriptedCaseGenerator.PROVENANCE);
            assertThat(c.content().requirementReference()).isEqualTo("REQ-1");
            assertThat(c.content().requirementText()).contains("AC2: Five wrong passwords lock the account");
        });
        RequirementDetail detail = service.get(ALICE, requirement.id());
        assertThat(detail.cases()).extracting(t -> t.trace().kind()).containsExactly(CaseKind.NORMAL, CaseKind.BOUNDARY, CaseKind.ERROR);
        assertThat(detail.cases().getFirst().trace().steps()).containsExactly(List.of("AC1"), List.of("AC1", "AC2"));
        assertThat(detail.staleCount()).isZero();
    }

    @Test void deleting_a_requirement_keeps_its_cases_which_then_trace_to_no_requirement() {
        var requirement = importing(login("Five wrong passwords lock the account")).requirements().getFirst().requirement();
        List<TestCase> generated = service.generateCases(ALICE, requirement.id());
        assertThat(service.coverage(ALICE, suite.id()).untracedCount()).isZero();

        assertThat(service.delete(ALICE, requirement.id())).isEqualTo(3);

        assertThat(service.list(ALICE, suite.id())).isEmpty();
        assertThat(cases.inSuite(suite.id(), Set.of())).hasSize(3);
        assertThat(service.traceOf(ALICE, generated.getFirst().id())).isEmpty();
        var coverage = service.coverage(ALICE, suite.id());
        assertThat(coverage.untracedCount()).isEqualTo(3);
        assertThatThrownBy(() -> service.delete(ALICE, requirement.id())).isInstanceOf(RequirementNotFound.class);
    }

    @Test void another_team_cannot_delete_a_requirement_or_read_a_cases_trace() {
        var requirement = importing(login("Five wrong passwords lock the account")).requirements().getFirst().requirement();
        List<TestCase> generated = service.generateCases(ALICE, requirement.id());
        assertThatThrownBy(() -> service.delete(OUTSIDER, requirement.id())).isInstanceOf(RequirementNotFound.class);
        assertThatThrownBy(() -> service.traceOf(OUTSIDER, generated.getFirst().id())).isInstanceOf(TestCaseNotFound.class);
        assertThat(service.list(ALICE, suite.id())).hasSize(1);
    }

    @Test void a_cases_trace_names_its_requirement_and_the_criteria_of_each_step() {
        var requirement = importing(login("Five wrong passwords lock the account")).requirements().getFirst().requirement();
        TestCase first = service.generateCases(ALICE, requirement.id()).getFirst();
        var traced = service.traceOf(ALICE, first.id()).orElseThrow();
        assertThat(traced.requirement().reference()).isEqualTo("REQ-1");
        assertThat(traced.trace().stepCriteria(first.procedure().orElseThrow().number(), 1)).containsExactly("AC1", "AC2");
    }

    @Test void reimporting_a_changed_criterion_marks_exactly_its_cases_stale_and_regenerates_only_those() {
        var requirement = importing(login("Five wrong passwords lock the account")).requirements().getFirst().requirement();
        List<TestCase> generated = service.generateCases(ALICE, requirement.id());
        // A second requirement's case, and one verifying only AC1, must stay as they are.
        var other = importing(new NewRequirement("REQ-2", "Sign-out", "", List.of(AcceptanceCriterion.of("AC1", "Sign out anywhere"))))
                .requirements().getFirst().requirement();
        service.generateCases(ALICE, other.id());
        service.regenerateStale(ALICE, requirement.id()); // nothing stale yet: nothing happens
        assertThat(model.requests).hasSize(2);

        RequirementImport reimport = importing(new NewRequirement("REQ-1", "Sign-in", "", List.of(
                AcceptanceCriterion.of("AC1", "A correct password opens the dashboard"),
                AcceptanceCriterion.of("AC2", "Three wrong passwords lock the account"))));

        assertThat(reimport.requirements().getFirst().result()).isEqualTo(RequirementImport.Result.CHANGED);
        assertThat(reimport.requirements().getFirst().changedCriteria()).containsExactly("AC2");
        assertThat(reimport.staleCases()).isEqualTo(3); // every case verifies AC2 in the scripted set
        assertThat(service.get(ALICE, requirement.id()).cases()).allSatisfy(c -> assertThat(c.changedCriteria()).containsExactly("AC2"));

        model.wording = "Open the sign-in page in a new window";
        ManageRequirementsUseCase.Regenerated regenerated = service.regenerateStale(ALICE, requirement.id());

        assertThat(regenerated.regenerated()).hasSize(3);
        assertThat(model.requests.subList(2, 5)).allSatisfy(r -> assertThat(r.only()).isPresent());
        assertThat(service.get(ALICE, requirement.id()).staleCount()).isZero();
        TestCase first = cases.find(generated.getFirst().id()).orElseThrow();
        assertThat(first.procedure().orElseThrow().number()).isEqualTo(2);
        assertThat(cases.revisions(first.id())).hasSize(2); // the history is kept
        assertThat(first.content().requirementText()).contains("Three wrong passwords");
        assertThat(service.get(ALICE, other.id()).cases().getFirst().testCase().procedure().orElseThrow().number()).isEqualTo(1);
    }

    @Test void an_approved_stale_case_is_skipped_until_it_is_reopened() {
        var requirement = importing(login("Five wrong passwords lock the account")).requirements().getFirst().requirement();
        service.generateCases(ALICE, requirement.id()).forEach(c -> cases.save(c.approve(ALICE.user(), clock.instant())));
        importing(login("Three wrong passwords lock the account"));

        assertThatThrownBy(() -> service.regenerateStale(ALICE, requirement.id())).isInstanceOf(RuleViolated.class)
                .hasFieldOrPropertyWithValue("code", "stale_cases_locked");
    }

    @Test void the_coverage_matrix_flags_uncovered_criteria_and_cases_without_a_requirement() {
        var requirement = importing(login("x")).requirements().getFirst().requirement();
        importing(new NewRequirement("REQ-2", "Sign-out", "", List.of(AcceptanceCriterion.of("AC1", "Sign out anywhere"))));
        service.generateCases(ALICE, requirement.id());
        cases.create(suite.id(), new TestCaseContent(new TestCaseKey("LOOSE-1"), "Anything", "", "", "", "", Priority.LOW, List.of()), clock.instant());

        CoverageMatrix matrix = service.coverage(ALICE, suite.id());

        assertThat(matrix.rows()).extracting(r -> r.requirement().reference() + "/" + r.criterion().code() + "=" + r.state().wireName())
                .containsExactly("REQ-1/AC1=covered", "REQ-1/AC2=covered", "REQ-2/AC1=uncovered");
        assertThat(matrix.rows().getFirst().cases()).hasSize(3);
        assertThat(matrix.untraced()).extracting(c -> c.key().value()).containsExactly("LOOSE-1");
        assertThat(matrix.untracedCount()).isEqualTo(1);
    }

    @Test void requirements_of_another_team_do_not_exist_for_an_outsider() {
        var requirement = importing(login("x")).requirements().getFirst().requirement();

        assertThatThrownBy(() -> service.get(OUTSIDER, requirement.id())).isInstanceOf(RequirementNotFound.class);
        assertThatThrownBy(() -> service.generateCases(OUTSIDER, requirement.id())).isInstanceOf(RequirementNotFound.class);
    }

    @Test void without_a_model_nothing_is_generated() {
        var requirement = importing(login("x")).requirements().getFirst().requirement();
        modelStatus.reason = java.util.Optional.of("Start Ollama");

        assertThatThrownBy(() -> service.generateCases(ALICE, requirement.id())).isInstanceOf(dev.concierge.domain.kernel.Unavailable.class);
        assertThat(cases.countInSuite(suite.id())).isZero();
    }

    @Test void a_model_that_keeps_breaking_the_rules_is_an_unavailable_answer_and_stores_nothing() {
        var requirement = importing(login("x")).requirements().getFirst().requirement();
        model.failing = true;

        assertThatThrownBy(() -> service.generateCases(ALICE, requirement.id())).isInstanceOfSatisfying(dev.concierge.domain.kernel.Unavailable.class,
                e -> assertThat(e.code()).isEqualTo("model_output_invalid"));
        assertThat(cases.countInSuite(suite.id())).isZero();
    }

    @Test void each_settings_change_is_a_new_version_and_generation_uses_the_newest() {
        var requirement = importing(login("x")).requirements().getFirst().requirement();
        SuiteGuidance first = new SuiteGuidance(List.of(new GlossaryEntry("member", "a registered user")), List.of(), "");
        SuiteGuidance second = new SuiteGuidance(List.of(), List.of("1. Open the page"), "Short steps");

        assertThat(settingsService.update(new UpdateSuiteSettingsCommand(ALICE, suite.id(), first, 0)).version()).isEqualTo(1);
        assertThat(settingsService.update(new UpdateSuiteSettingsCommand(ALICE, suite.id(), second, 1)).version()).isEqualTo(2);
        assertThatThrownBy(() -> settingsService.update(new UpdateSuiteSettingsCommand(ALICE, suite.id(), first, 1))).isInstanceOf(Conflict.class);
        service.generateCases(ALICE, requirement.id());

        assertThat(model.requests.getLast().guidance()).isEqualTo(second);
        assertThat(settingsService.versions(ALICE, suite.id())).extracting(s -> s.version()).containsExactly(2, 1);
    }
}
