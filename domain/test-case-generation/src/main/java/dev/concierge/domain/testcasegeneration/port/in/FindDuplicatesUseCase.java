package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.testcasegeneration.model.DuplicatePair;
import dev.concierge.domain.testcasegeneration.model.DuplicateReport;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.SharedStepCandidate;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;

import java.util.List;
import java.util.Map;

/**
 * Near-duplicate cases found by comparing embeddings, and step runs that several cases repeat. Nothing here blocks:
 * the pairs are shown with their similarity, and a person dismisses the ones that are not duplicates.
 */
public interface FindDuplicatesUseCase {
    /** The suite's pairs at or above the threshold, most similar first, dismissed ones left out; says what is unchecked. */
    DuplicateReport duplicates(Actor actor, SuiteId suite, PageRequest page);

    /** Embeds every case of the suite whose wording has no vector yet (the retry after the model was down). */
    DuplicateReport check(Actor actor, SuiteId suite);

    /** The pairs the case forms (with the other case of each), for its page. */
    List<DuplicatePair> similarTo(Actor actor, TestCaseId testCase);

    /** The pairs involving any of the cases with these keys (just imported), most similar first. */
    DuplicateReport among(Actor actor, SuiteId suite, List<TestCaseKey> keys);

    /**
     * For an import preview: per row key, the existing cases the row reads like (case key → similarity). Empty when
     * the embedding model cannot be reached; {@code problem} of the answer says so.
     */
    PreviewMatches preview(Actor actor, SuiteId suite, List<ImportRow> rows);

    /** "Not a duplicate": the pair is left out from now on. */
    void dismiss(Actor actor, SuiteId suite, TestCaseId a, TestCaseId b);

    Page<SharedStepCandidate> sharedSteps(Actor actor, SuiteId suite, PageRequest page);

    record PreviewMatches(Map<String, List<Match>> byRow, java.util.Optional<String> problem) {
        public PreviewMatches { byRow = Map.copyOf(byRow); }
    }

    record Match(TestCaseId id, TestCaseKey key, String title, int percent) {}
}
