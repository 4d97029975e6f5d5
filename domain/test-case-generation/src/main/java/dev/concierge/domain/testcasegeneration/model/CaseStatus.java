package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Locale;

/** draft → queued → generating → generated → approved; failed when generation gave up. */
public enum CaseStatus {
    DRAFT, QUEUED, GENERATING, GENERATED, APPROVED, FAILED;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static CaseStatus parse(String value) {
        for (CaseStatus status : values()) if (status.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) return status;
        throw InvalidInput.field("status", Validation.ONE_OF, "draft, queued, generating, generated, approved, failed");
    }
}
