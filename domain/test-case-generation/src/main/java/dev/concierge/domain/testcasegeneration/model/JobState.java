package dev.concierge.domain.testcasegeneration.model;

import java.util.Locale;

/** Where one generation job stands in the queue. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() { return this == SUCCEEDED || this == FAILED || this == CANCELLED; }

    public String wireName() { return name().toLowerCase(Locale.ROOT); }
}
