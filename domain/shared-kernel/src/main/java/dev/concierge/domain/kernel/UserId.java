package dev.concierge.domain.kernel;

import java.util.Objects;

/** Who is acting. The domain sees only this id, never how it was authenticated. */
public record UserId(String value) {
    public static final int MAX_LENGTH = 200;

    public UserId {
        Objects.requireNonNull(value, "value");
        new Validation().text("user", value, 1, MAX_LENGTH).throwIfInvalid();
    }

    @Override public String toString() { return value; }
}
