package dev.concierge.domain.testcasegeneration.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a suite's settings. Every change is a new version (numbered from 1); generation uses the newest.
 * Version 0 is the empty settings of a suite that never set any.
 */
public record SuiteSettings(SuiteId suite, int version, SuiteGuidance guidance, Optional<String> author, Optional<Instant> createdAt) {
    public SuiteSettings {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(guidance, "guidance");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 0) throw new IllegalArgumentException("versions start at 0");
    }

    public static SuiteSettings none(SuiteId suite) {
        return new SuiteSettings(suite, 0, SuiteGuidance.NONE, Optional.empty(), Optional.empty());
    }
}
