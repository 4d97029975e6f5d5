package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.SuiteSettings;

import java.util.List;

/** A suite's glossary, example procedures and instructions for the model, versioned: each change is a new version. */
public interface ManageSuiteSettingsUseCase {
    SuiteSettings current(Actor actor, SuiteId suite);

    SuiteSettings update(UpdateSuiteSettingsCommand command);

    /** Every version, newest first. */
    List<SuiteSettings> versions(Actor actor, SuiteId suite);
}
