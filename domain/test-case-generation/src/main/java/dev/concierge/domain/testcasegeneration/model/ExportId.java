package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Objects;
import java.util.UUID;

public record ExportId(UUID value) {
    public ExportId { Objects.requireNonNull(value, "value"); }

    public static ExportId random() { return new ExportId(UUID.randomUUID()); }

    public static ExportId parse(String text) {
        try {
            return new ExportId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInput.field("exportId", Validation.FORMAT, "123e4567-e89b-12d3-a456-426614174000");
        }
    }

    @Override public String toString() { return value.toString(); }
}
