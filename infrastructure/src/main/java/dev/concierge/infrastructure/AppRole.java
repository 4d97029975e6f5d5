package dev.concierge.infrastructure;

import java.util.Locale;

/** The app's {@code ROLE} (CONTRACT-19): what one app container does. */
public enum AppRole {
    /** Pages, API, chat and drafts; runs no generation workers. The Fargate web tier. */
    WEB,
    /** Generation workers beside the model server; serves only health and metrics. */
    WORKER,
    /** Everything: seed 002's combined layout (and a laptop). */
    ALL;

    public String value() { return name().toLowerCase(Locale.ROOT); }
}
