package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.port.in.ExportProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;

import java.util.Set;

public final class ExportService implements ExportProceduresUseCase {
    private final TestCaseRepository cases;
    private final SuiteAccess access;

    public ExportService(SuiteRepository suites, TestCaseRepository cases) {
        this.cases = cases;
        this.access = new SuiteAccess(suites, cases);
    }

    @Override public SuiteExport export(Actor actor, SuiteId id) {
        Suite suite = access.suite(actor, id);
        return new SuiteExport(suite, cases.inSuite(id, Set.of()));
    }
}
