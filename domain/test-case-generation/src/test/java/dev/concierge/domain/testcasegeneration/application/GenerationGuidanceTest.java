package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.GlossaryEntry;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Provenance;
import dev.concierge.domain.testcasegeneration.model.RetryPolicy;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand;
import dev.concierge.domain.testcasegeneration.port.out.JobsQueued;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A procedure job gives the model the suite's newest settings and keeps how the procedure was made. */
class GenerationGuidanceTest {
    private static final Actor ALICE = new Actor(new UserId("alice"), Set.of("qa"));
    private static final Provenance PROVENANCE = new Provenance("openai", "gpt-4o-mini", "procedure-v2", "test_procedure-v1", 2, 500, 120,
            Duration.ofMillis(900));

    private final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock();
    private final InMemoryPorts.Suites suites = new InMemoryPorts.Suites();
    private final InMemoryPorts.TestCases cases = new InMemoryPorts.TestCases();
    private final InMemoryRequirements.Settings settings = new InMemoryRequirements.Settings();
    private final List<ProcedureGenerator.Request> requests = new ArrayList<>();
    private final ProcedureGenerator model = new ProcedureGenerator() {
        @Override public Procedure generate(Request request) { return generateWithProvenance(request).procedure(); }

        @Override public Generated generateWithProvenance(Request request) {
            requests.add(request);
            return new Generated(InMemoryPorts.ScriptedGenerator.DEFAULT, Optional.of(PROVENANCE));
        }
    };
    private final GenerationService service = new GenerationService(suites, cases, new InMemoryPorts.Queue(clock), model,
            new InMemoryPorts.SwitchableModelStatus(), new InMemoryPorts.DirectTransactions(),
            new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(5), 3), Duration.ofMinutes(2), JobsQueued.nobody(), settings, RevisionChecks.none(clock), clock);
    private final Suite suite = suites.create(new NewSuite("Login", ""), "qa", ALICE.user(), clock.instant());

    @Test void the_model_is_given_the_suites_newest_settings_and_the_revision_keeps_its_provenance() {
        settings.save(suite.id(), new SuiteGuidance(List.of(new GlossaryEntry("member", "")), List.of(), "old"), 0, ALICE.user(), clock.instant());
        SuiteGuidance newest = new SuiteGuidance(List.of(new GlossaryEntry("member", "a registered user")), List.of("1. Open"), "Short steps");
        settings.save(suite.id(), newest, 1, ALICE.user(), clock.instant());
        TestCase draft = cases.create(suite.id(), new TestCaseContent(new TestCaseKey("TC-1"), "Sign in", "", "", "", "", Priority.MEDIUM,
                List.of()), clock.instant());

        service.generate(new GenerateProceduresCommand(ALICE, suite.id(), List.of()));
        service.claim("w1", 1).forEach(service::process);

        assertThat(requests).extracting(ProcedureGenerator.Request::guidance).containsExactly(newest);
        assertThat(cases.find(draft.id()).orElseThrow().procedure().orElseThrow().provenance()).contains(PROVENANCE);
    }
}
