package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;

import java.util.Objects;
import java.util.UUID;

public record BatchId(UUID value) {
    public BatchId { Objects.requireNonNull(value, "value"); }

    public static BatchId random() { return new BatchId(UUID.randomUUID()); }

    public static BatchId parse(String text) {
        try {
            return new BatchId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInput.field("batchId", "must be a UUID");
        }
    }

    @Override public String toString() { return value.toString(); }
}
