package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;

import java.util.List;

public interface ExportProceduresUseCase {
    /** The suite and its cases ordered by key (those with a procedure carry it), for the export formats. */
    SuiteExport export(Actor actor, SuiteId suite);

    record SuiteExport(Suite suite, List<TestCase> cases) {}
}
