package dev.concierge.domain.kernel;

/** Which slice of a list to return. The bounds keep one request from reading a whole table. */
public record PageRequest(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 1_000_000;

    public PageRequest {
        new Validation().range("limit", limit, 1, MAX_LIMIT).range("offset", offset, 0, MAX_OFFSET).throwIfInvalid();
    }

    public static PageRequest first() { return new PageRequest(DEFAULT_LIMIT, 0); }
}
