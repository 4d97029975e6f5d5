package dev.concierge.domain.testcasegeneration.model;

import java.util.Locale;

/** queued → running → ready, or failed; a running export whose instance died is queued again when its lease ends. */
public enum ExportState {
    QUEUED, RUNNING, READY, FAILED;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static ExportState fromWireName(String value) { return valueOf(value.toUpperCase(Locale.ROOT)); }
}
