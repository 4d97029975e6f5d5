package dev.concierge.domain.kernel;

import java.util.Objects;

/** Who is acting. The domain sees only this id, never how it was authenticated. */
public record UserId(String value) {
    public static final int MAX_LENGTH = 200;

    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidInput("A user id must be 1 to " + MAX_LENGTH + " characters.",
                    FieldError.of("user", "must be 1 to " + MAX_LENGTH + " characters"));
        }
    }

    @Override public String toString() { return value; }
}
