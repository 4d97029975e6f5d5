package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.ImportMode;
import dev.concierge.domain.testcasegeneration.model.ImportOriginal;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Similarity;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteNotFound;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.model.TestCaseNotFound;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuplicatesServiceTest {
    private static final Actor ALICE = new Actor(new UserId("alice"), Set.of("qa"));
    private static final Actor OUTSIDER = new Actor(new UserId("eve"), Set.of("web"));
    private static final ImportOriginal ORIGINAL = new ImportOriginal("x".getBytes(StandardCharsets.UTF_8), "text/csv");

    private final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock();
    private final InMemoryPorts.Suites suiteStore = new InMemoryPorts.Suites();
    private final InMemoryPorts.TestCases caseStore = new InMemoryPorts.TestCases();
    private final InMemoryEmbeddings.Vectors vectors = new InMemoryEmbeddings.Vectors();
    private final InMemoryEmbeddings.LetterEmbedder embedder = new InMemoryEmbeddings.LetterEmbedder();
    private final CaseEmbeddings embeddings = new CaseEmbeddings(embedder, vectors, new Similarity(0.92), clock);
    private final TestCasesService importer = new TestCasesService(suiteStore, caseStore, new InMemoryPorts.DirectTransactions(),
            new InMemoryPorts.Files(), RevisionChecks.none(clock), Optional.of(embeddings), clock);
    private final DuplicatesService duplicates = new DuplicatesService(suiteStore, caseStore, embeddings, clock);
    private final Suite suite = suiteStore.create(new NewSuite("Login", ""), "qa", ALICE.user(), clock.instant());

    private static ImportRow row(int line, String key, String title) {
        return new ImportRow(line, key, title, "", "", "", "", "", List.of());
    }

    private void importRows(ImportRow... rows) {
        importer.importCases(ALICE, suite.id(), List.of(rows), ORIGINAL, ImportMode.UPSERT, false);
    }

    private TestCase byKey(String key) { return caseStore.findByKey(suite.id(), new TestCaseKey(key)).orElseThrow(); }

    @Test void an_import_embeds_its_cases_and_near_duplicates_are_listed_with_their_similarity() {
        importRows(row(2, "TC-1", "Sign in with a password"), row(3, "TC-2", "Sign in with password"), row(4, "TC-3", "Export the monthly report"));

        var report = duplicates.duplicates(ALICE, suite.id(), PageRequest.first());
        assertThat(report.pairs()).singleElement().satisfies(p -> {
            assertThat(p.first().key().value()).isEqualTo("TC-1");
            assertThat(p.second().key().value()).isEqualTo("TC-2");
            assertThat(p.percent()).isBetween(92, 100);
        });
        assertThat(report.total()).isEqualTo(1);
        assertThat(report.complete()).isTrue();
    }

    @Test void unchanged_cases_are_not_sent_to_the_model_again() {
        importRows(row(2, "TC-1", "Sign in"), row(3, "TC-2", "Sign out"));
        importRows(row(2, "TC-1", "Sign in"), row(3, "TC-2", "Sign out now"));
        assertThat(embedder.calls).hasSize(2);
        assertThat(embedder.calls.get(1)).singleElement().asString().startsWith("Sign out now");
    }

    @Test void the_import_succeeds_while_the_model_is_down_and_the_check_says_what_is_unchecked_until_the_retry() {
        embedder.down = true;
        importRows(row(2, "TC-1", "Sign in with a password"), row(3, "TC-2", "Sign in with password"));
        assertThat(caseStore.inSuite(suite.id(), Set.of())).hasSize(2);

        var before = duplicates.duplicates(ALICE, suite.id(), PageRequest.first());
        assertThat(before.unchecked()).isEqualTo(2);
        assertThat(before.problem()).hasValueSatisfying(p -> assertThat(p).contains("No LLM reachable"));
        assertThat(before.complete()).isFalse();

        embedder.down = false;
        var after = duplicates.check(ALICE, suite.id());
        assertThat(after.unchecked()).isZero();
        assertThat(after.problem()).isEmpty();
        assertThat(after.pairs()).hasSize(1);
    }

    @Test void a_dismissed_pair_stays_out_of_the_list_and_of_the_case_page() {
        importRows(row(2, "TC-1", "Sign in with a password"), row(3, "TC-2", "Sign in with password"));
        assertThat(duplicates.similarTo(ALICE, byKey("TC-1").id())).hasSize(1);

        duplicates.dismiss(ALICE, suite.id(), byKey("TC-2").id(), byKey("TC-1").id());

        assertThat(duplicates.duplicates(ALICE, suite.id(), PageRequest.first()).pairs()).isEmpty();
        assertThat(duplicates.similarTo(ALICE, byKey("TC-1").id())).isEmpty();
    }

    @Test void a_changed_case_is_compared_again_and_its_old_pair_goes() {
        importRows(row(2, "TC-1", "Sign in with a password"), row(3, "TC-2", "Sign in with password"));
        importRows(row(3, "TC-2", "Export the monthly report as a spreadsheet"));
        assertThat(duplicates.duplicates(ALICE, suite.id(), PageRequest.first()).pairs()).isEmpty();
    }

    @Test void a_deleted_case_leaves_the_list() {
        importRows(row(2, "TC-1", "Sign in with a password"), row(3, "TC-2", "Sign in with password"));
        importer.delete(ALICE, byKey("TC-2").id());
        assertThat(duplicates.duplicates(ALICE, suite.id(), PageRequest.first()).pairs()).isEmpty();
    }

    @Test void a_model_change_embeds_every_case_again() {
        importRows(row(2, "TC-1", "Sign in"));
        embedder.model = "letters-v2";
        assertThat(duplicates.duplicates(ALICE, suite.id(), PageRequest.first()).unchecked()).isEqualTo(1);
        duplicates.check(ALICE, suite.id());
        assertThat(vectors.inSuite(suite.id(), "letters-v2")).hasSize(1);
    }

    @Test void pairs_among_imported_cases_name_only_those_that_involve_them() {
        importRows(row(2, "TC-1", "Sign in with a password"), row(3, "TC-2", "Sign in with password"), row(4, "TC-3", "Report export"));
        importRows(row(2, "TC-4", "Report exports"));
        var among = duplicates.among(ALICE, suite.id(), List.of(new TestCaseKey("TC-4")));
        assertThat(among.pairs()).extracting(p -> p.first().key().value() + "~" + p.second().key().value()).containsExactly("TC-3~TC-4");
    }

    @Test void a_preview_row_is_compared_with_the_stored_cases_but_not_with_the_case_it_updates() {
        importRows(row(2, "TC-1", "Sign in with a password"));
        var matches = duplicates.preview(ALICE, suite.id(), List.of(row(2, "TC-9", "Sign in with password"), row(3, "TC-1", "Sign in with a password")));
        assertThat(matches.byRow()).containsOnlyKeys("TC-9");
        assertThat(matches.byRow().get("TC-9")).singleElement().satisfies(m -> assertThat(m.key().value()).isEqualTo("TC-1"));
    }

    @Test void another_team_sees_no_duplicates_and_cannot_dismiss_a_pair() {
        importRows(row(2, "TC-1", "Sign in with a password"), row(3, "TC-2", "Sign in with password"));
        assertThatThrownBy(() -> duplicates.duplicates(OUTSIDER, suite.id(), PageRequest.first())).isInstanceOf(SuiteNotFound.class);
        assertThatThrownBy(() -> duplicates.dismiss(OUTSIDER, suite.id(), byKey("TC-1").id(), byKey("TC-2").id())).isInstanceOf(SuiteNotFound.class);
        assertThatThrownBy(() -> duplicates.similarTo(OUTSIDER, byKey("TC-1").id())).isInstanceOf(TestCaseNotFound.class);
    }

    @Test void a_case_of_another_suite_cannot_be_dismissed_through_this_one() {
        importRows(row(2, "TC-1", "Sign in"));
        Suite other = suiteStore.create(new NewSuite("Other", ""), "qa", ALICE.user(), clock.instant());
        importer.importCases(ALICE, other.id(), List.of(row(2, "TC-X", "Sign in")), ORIGINAL, ImportMode.UPSERT, false);
        var foreign = caseStore.findByKey(other.id(), new TestCaseKey("TC-X")).orElseThrow();
        assertThatThrownBy(() -> duplicates.dismiss(ALICE, suite.id(), byKey("TC-1").id(), foreign.id())).isInstanceOf(TestCaseNotFound.class);
    }
}
