package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.Objects;
import java.util.UUID;

public record BatchId(UUID value) {
    public BatchId { Objects.requireNonNull(value, "value"); }

    public static BatchId random() { return new BatchId(UUID.randomUUID()); }

    public static BatchId parse(String text) {
        try {
            return new BatchId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInput.field("batchId", Validation.FORMAT, "123e4567-e89b-12d3-a456-426614174000");
        }
    }

    @Override public String toString() { return value.toString(); }
}
