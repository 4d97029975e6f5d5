package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.ImportReport;
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
}
