package dev.concierge.domain.tripsupport.model;

import dev.concierge.domain.kernel.FileKey;
import dev.concierge.domain.kernel.Validation;

import java.util.Objects;
import java.util.Set;

/** A receipt's file in the file store, with the name and type it was handed in with. */
public record Receipt(FileKey key, String name, String contentType, long size) {
    public static final long MAX_SIZE = 10L * 1024 * 1024;
    /** Photos and scans: what a phone's camera and a scanner produce. */
    public static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/heic", "image/webp", "application/pdf");

    public Receipt {
        Objects.requireNonNull(key, "key");
        name = name == null || name.isBlank() ? "receipt" : name.strip();
        Validation problems = new Validation();
        if (Validation.length(name) > 200) problems.add("name", Validation.TOO_LONG, 200);
        if (contentType == null || !TYPES.contains(contentType)) problems.add("contentType", Validation.ONE_OF, String.join(", ", TYPES.stream().sorted().toList()));
        if (size < 1 || size > MAX_SIZE) problems.add("receipt", Validation.RANGE, 1, MAX_SIZE);
        problems.throwIfInvalid();
    }
}
