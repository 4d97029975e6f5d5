package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.SuiteSettings;

import java.time.Instant;
import java.util.List;

/** The versions of each suite's settings. */
public interface SuiteSettingsRepository {
    /** The newest version, or {@link SuiteSettings#none} when the suite never set any. */
    SuiteSettings current(SuiteId suite);

    /**
     * Stores the guidance as the version after {@code expectedVersion}.
     * @throws dev.concierge.domain.kernel.Conflict with code {@code stale} when another version was stored since
     */
    SuiteSettings save(SuiteId suite, SuiteGuidance guidance, int expectedVersion, UserId author, Instant at);

    /** Every version, newest first. */
    List<SuiteSettings> versions(SuiteId suite);

    /** For services and tests that do not use settings: every suite has none. */
    static SuiteSettingsRepository none() {
        return new SuiteSettingsRepository() {
            @Override public SuiteSettings current(SuiteId suite) { return SuiteSettings.none(suite); }

            @Override public SuiteSettings save(SuiteId suite, SuiteGuidance guidance, int expectedVersion, UserId author, Instant at) {
                throw new UnsupportedOperationException("settings are not stored here");
            }

            @Override public List<SuiteSettings> versions(SuiteId suite) { return List.of(); }
        };
    }
}
