package dev.concierge.adapter.http;

/** A body in a type the route does not read (a form or text where JSON is expected): answered 415. */
public final class UnsupportedMediaType extends RuntimeException {
    public UnsupportedMediaType(String message) {
        super(message, null, false, false);
    }
}
