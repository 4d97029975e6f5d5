package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;
import dev.concierge.domain.testcasegeneration.model.SuiteId;

import java.util.Objects;

/** New settings for a suite, based on version {@code expectedVersion} (0 when the suite had none). */
public record UpdateSuiteSettingsCommand(Actor actor, SuiteId suite, SuiteGuidance guidance, int expectedVersion) {
    public UpdateSuiteSettingsCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(guidance, "guidance");
        if (expectedVersion < 0) throw InvalidInput.field("version", Validation.RANGE, 0, Integer.MAX_VALUE);
    }
}
