package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.ImportReport;
import dev.concierge.domain.testcasegeneration.model.ImportMode;
import dev.concierge.domain.testcasegeneration.model.ImportOutcome;
import dev.concierge.domain.testcasegeneration.model.ImportOriginal;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.SuiteId;

import java.util.List;

public interface ImportTestCasesUseCase {
    /**
     * All rows or nothing: when any row is invalid nothing is imported and the error lists every problem by line.
     * Keys already in the suite update their case (when its wording may change) instead of duplicating it. The
     * original file is kept in the file store once its rows are valid.
     */
    ImportReport importCases(Actor actor, SuiteId suite, List<ImportRow> rows, ImportOriginal original);

    /**
     * An import in a {@code mode} (match by key: create, update or both), or with {@code preview} a validate-only run
     * that says what each row would do and lists every problem, changing nothing. Rows with steps (TestRail, Xray)
     * give their case that procedure as a new revision. A real import with problems imports nothing, as above.
     */
    ImportOutcome importCases(Actor actor, SuiteId suite, List<ImportRow> rows, ImportOriginal original, ImportMode mode, boolean preview);
}
