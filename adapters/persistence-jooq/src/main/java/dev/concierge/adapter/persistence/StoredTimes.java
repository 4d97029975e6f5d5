package dev.concierge.adapter.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How every repository writes an instant into a {@code timestamptz} column: at UTC, so the value jOOQ binds does not
 * depend on the JVM's zone. One owner, rather than a copy in each repository or a call into a sibling's.
 */
public final class StoredTimes {
    private StoredTimes() {}

    public static OffsetDateTime utc(Instant at) { return at.atOffset(ZoneOffset.UTC); }
}
