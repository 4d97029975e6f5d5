package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ImportMode;
import dev.concierge.domain.testcasegeneration.model.ImportOriginal;
import dev.concierge.domain.testcasegeneration.model.ImportOutcome;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.RevisionKind;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportModesTest {
    private static final Actor ALICE = new Actor(new UserId("alice"), Set.of("qa"));
    private static final ImportOriginal FILE = new ImportOriginal("x".getBytes(StandardCharsets.UTF_8), "text/csv");

    private final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock();
    private final InMemoryPorts.Suites suites = new InMemoryPorts.Suites();
    private final InMemoryPorts.TestCases cases = new InMemoryPorts.TestCases();
    private final InMemoryPorts.Files files = new InMemoryPorts.Files();
    private final InMemoryQualities qualities = new InMemoryQualities();
    private final TestCasesService service = new TestCasesService(suites, cases, new InMemoryPorts.DirectTransactions(), files,
            new RevisionChecks(qualities, Optional.empty(), clock), clock);
    private final Suite suite = suites.create(new NewSuite("Login", ""), "qa", ALICE.user(), clock.instant());

    private static ImportRow row(int line, String key, String title, Step... steps) {
        return new ImportRow(line, key, title, "", "", "", "", "", List.of(), List.of(steps));
    }

    private void existing() { service.importCases(ALICE, suite.id(), List.of(row(2, "TC-1", "Old title")), FILE); }

    @Test void a_preview_says_what_each_row_would_do_and_changes_nothing() {
        existing();
        ImportOutcome preview = service.importCases(ALICE, suite.id(), List.of(row(2, "TC-1", "New title"), row(3, "TC-2", "Sign out"),
                row(4, "", "No key")), FILE, ImportMode.UPSERT, true);
        assertThat(preview.preview()).isTrue();
        assertThat(preview.rows()).extracting(ImportOutcome.RowOutcome::action).containsExactly("updated", "created", "invalid");
        assertThat(preview.problems()).extracting(p -> p.field()).anySatisfy(f -> assertThat(f).startsWith("line 4: key"));
        assertThat(cases.findByKey(suite.id(), new TestCaseKey("TC-1")).orElseThrow().content().title()).isEqualTo("Old title");
        assertThat(cases.findByKey(suite.id(), new TestCaseKey("TC-2"))).isEmpty();
        assertThat(files.stored).hasSize(1); // only the first real import's original
    }

    @Test void create_mode_skips_known_keys_and_update_mode_skips_new_ones() {
        existing();
        ImportOutcome created = service.importCases(ALICE, suite.id(), List.of(row(2, "TC-1", "New title"), row(3, "TC-2", "Sign out")),
                FILE, ImportMode.CREATE, false);
        assertThat(created.rows()).extracting(ImportOutcome.RowOutcome::action).containsExactly("skipped", "created");
        assertThat(cases.findByKey(suite.id(), new TestCaseKey("TC-1")).orElseThrow().content().title()).isEqualTo("Old title");

        ImportOutcome updated = service.importCases(ALICE, suite.id(), List.of(row(2, "TC-1", "New title"), row(3, "TC-3", "Unknown")),
                FILE, ImportMode.UPDATE, false);
        assertThat(updated.rows()).extracting(ImportOutcome.RowOutcome::action).containsExactly("updated", "skipped");
        assertThat(updated.skipped()).isEqualTo(1);
        assertThat(cases.findByKey(suite.id(), new TestCaseKey("TC-1")).orElseThrow().content().title()).isEqualTo("New title");
        assertThat(cases.findByKey(suite.id(), new TestCaseKey("TC-3"))).isEmpty();
    }

    @Test void steps_from_another_tool_become_a_scored_revision_by_the_importer_and_the_same_steps_again_change_nothing() {
        Step open = new Step("Open the sign-in page", "The form is displayed");
        Step signIn = new Step("Click Sign in", "The dashboard page is displayed");
        ImportOutcome first = service.importCases(ALICE, suite.id(), List.of(row(2, "TC-1", "Sign in", open, signIn)), FILE, ImportMode.UPSERT, false);
        assertThat(first.rows().getFirst().steps()).isEqualTo(2);
        var imported = cases.findByKey(suite.id(), new TestCaseKey("TC-1")).orElseThrow();
        assertThat(imported.status()).isEqualTo(CaseStatus.GENERATED);
        assertThat(imported.procedure().orElseThrow().kind()).isEqualTo(RevisionKind.EDITED);
        assertThat(imported.procedure().orElseThrow().author()).contains("alice");
        assertThat(qualities.scores).containsKey(imported.id().value() + "#1");

        ImportOutcome again = service.importCases(ALICE, suite.id(), List.of(row(2, "TC-1", "Sign in", open, signIn)), FILE, ImportMode.UPSERT, false);
        assertThat(again.rows().getFirst().action()).isEqualTo("unchanged");
        assertThat(cases.revisions(imported.id())).hasSize(1);
    }

    @Test void a_blank_step_is_a_problem_of_its_line_and_a_real_import_then_imports_nothing() {
        assertThatThrownBy(() -> service.importCases(ALICE, suite.id(), List.of(row(2, "TC-1", "Sign in", new Step("", "x")),
                row(3, "TC-2", "Fine")), FILE, ImportMode.UPSERT, false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details()).extracting(d -> d.field()).contains("line 2: steps[0].action"));
        assertThat(cases.findByKey(suite.id(), new TestCaseKey("TC-2"))).isEmpty();
    }

    @Test void an_approved_case_is_locked_in_the_preview_and_the_import() {
        existing();
        var c = cases.findByKey(suite.id(), new TestCaseKey("TC-1")).orElseThrow();
        var generated = cases.save(cases.save(cases.save(c.queue(clock.instant())).startGenerating(clock.instant()))
                .generated(InMemoryPorts.ScriptedGenerator.DEFAULT, clock.instant()));
        cases.save(generated.approve(ALICE.user(), clock.instant()));
        assertThat(service.importCases(ALICE, suite.id(), List.of(row(2, "TC-1", "Changed")), FILE, ImportMode.UPSERT, true).rows().getFirst().action())
                .isEqualTo("locked");
        assertThat(service.importCases(ALICE, suite.id(), List.of(row(2, "TC-1", "Changed")), FILE, ImportMode.UPSERT, false).counts().skippedLocked())
                .isEqualTo(1);
    }
}
