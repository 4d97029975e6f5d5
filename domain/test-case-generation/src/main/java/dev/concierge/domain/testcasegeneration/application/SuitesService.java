package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.RuleViolated;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.port.in.CreateSuiteCommand;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;

import java.time.Clock;

public final class SuitesService implements ManageSuitesUseCase {
    private final SuiteRepository suites;
    private final SuiteAccess access;
    private final Clock clock;

    public SuitesService(SuiteRepository suites, TestCaseRepository cases, Clock clock) {
        this.suites = suites;
        this.access = new SuiteAccess(suites, cases);
        this.clock = clock;
    }

    @Override public Suite create(CreateSuiteCommand command) {
        Actor actor = command.actor();
        String team = command.team().map(String::strip).filter(t -> !t.isEmpty())
                .orElseGet(() -> actor.groups().stream().sorted().findFirst()
                        .orElseThrow(() -> new RuleViolated("no_team", "You belong to no team, and suites are shared by a team. "
                                + "Ask an administrator to add you to one.")));
        if (!actor.memberOf(team)) throw InvalidInput.field("team", Validation.ONE_OF, String.join(", ", actor.groups().stream().sorted().toList()));
        return suites.create(command.suite(), team, actor.user(), clock.instant());
    }

    @Override public Suite get(Actor actor, SuiteId id) { return access.suite(actor, id); }

    @Override public Page<Suite> list(Actor actor, PageRequest page) { return suites.list(actor.groups(), page); }
}
