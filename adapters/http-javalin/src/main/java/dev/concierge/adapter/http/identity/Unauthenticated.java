package dev.concierge.adapter.http.identity;

/**
 * The request carries no identity we can trust: 401, for the API as an error body, for pages as a page. People read
 * the {@link #reason()} worded from the edge bundles; the message (which header, which check failed) is for the log.
 */
public class Unauthenticated extends RuntimeException {
    private final String reason;

    /** {@code reason}: {@code no_identity}, {@code expired}, {@code invalid}, {@code sign_in_required} or {@code sign_in_failed}. */
    public Unauthenticated(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() { return reason; }
}
