package dev.concierge.domain.kernel;

/** Which slice of a list to return. The bounds keep one request from reading a whole table. */
public record PageRequest(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 1_000_000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) throw InvalidInput.field("limit", "must be between 1 and " + MAX_LIMIT);
        if (offset < 0 || offset > MAX_OFFSET) throw InvalidInput.field("offset", "must be between 0 and " + MAX_OFFSET);
    }

    public static PageRequest first() { return new PageRequest(DEFAULT_LIMIT, 0); }
}
