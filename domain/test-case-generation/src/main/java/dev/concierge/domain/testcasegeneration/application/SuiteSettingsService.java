package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.SuiteSettings;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuiteSettingsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.UpdateSuiteSettingsCommand;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.SuiteSettingsRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;

import java.time.Clock;
import java.util.List;

public final class SuiteSettingsService implements ManageSuiteSettingsUseCase {
    private final SuiteSettingsRepository settings;
    private final SuiteAccess access;
    private final Clock clock;

    public SuiteSettingsService(SuiteRepository suites, TestCaseRepository cases, SuiteSettingsRepository settings, Clock clock) {
        this.settings = settings;
        this.access = new SuiteAccess(suites, cases);
        this.clock = clock;
    }

    @Override public SuiteSettings current(Actor actor, SuiteId suite) {
        access.suite(actor, suite);
        return settings.current(suite);
    }

    @Override public SuiteSettings update(UpdateSuiteSettingsCommand command) {
        access.suite(command.actor(), command.suite());
        SuiteSettings current = settings.current(command.suite());
        if (current.guidance().equals(command.guidance()) && current.version() == command.expectedVersion()) return current;
        return settings.save(command.suite(), command.guidance(), command.expectedVersion(), command.actor().user(), clock.instant());
    }

    @Override public List<SuiteSettings> versions(Actor actor, SuiteId suite) {
        access.suite(actor, suite);
        return settings.versions(suite);
    }
}
