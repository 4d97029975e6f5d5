package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;

import java.util.Objects;
import java.util.UUID;

public record ExportId(UUID value) {
    public ExportId { Objects.requireNonNull(value, "value"); }

    public static ExportId random() { return new ExportId(UUID.randomUUID()); }

    public static ExportId parse(String text) {
        try {
            return new ExportId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInput.field("exportId", "must be a UUID");
        }
    }

    @Override public String toString() { return value.toString(); }
}
