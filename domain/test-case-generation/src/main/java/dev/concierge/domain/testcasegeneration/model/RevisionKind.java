package dev.concierge.domain.testcasegeneration.model;

import java.util.Locale;

public enum RevisionKind {
    /** Written by the model. */
    GENERATED,
    /** Changed by a person. */
    EDITED;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }
}
