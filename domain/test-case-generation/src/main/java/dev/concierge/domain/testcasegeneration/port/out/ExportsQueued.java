package dev.concierge.domain.testcasegeneration.port.out;

/** Told once an export is queued, so this instance's export worker starts on it at once instead of at its next poll. */
@FunctionalInterface
public interface ExportsQueued {
    void exportsQueued();

    static ExportsQueued nobody() { return () -> { }; }
}
