package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.SuiteNotFound;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseNotFound;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;

/** A suite and its cases are visible to members of its team only; to anyone else they do not exist. */
final class SuiteAccess {
    private final SuiteRepository suites;
    private final TestCaseRepository cases;

    SuiteAccess(SuiteRepository suites, TestCaseRepository cases) {
        this.suites = suites;
        this.cases = cases;
    }

    Suite suite(Actor actor, SuiteId id) {
        return suites.find(id).filter(suite -> actor.memberOf(suite.team())).orElseThrow(() -> new SuiteNotFound(id));
    }

    TestCase testCase(Actor actor, TestCaseId id) {
        TestCase found = cases.find(id).orElseThrow(() -> new TestCaseNotFound(id));
        boolean member = suites.find(found.suite()).map(suite -> actor.memberOf(suite.team())).orElse(false);
        if (!member) throw new TestCaseNotFound(id);
        return found;
    }
}
