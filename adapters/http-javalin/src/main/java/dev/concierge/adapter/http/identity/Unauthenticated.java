package dev.concierge.adapter.http.identity;

/** The request carries no identity we can trust: 401, for the API as an error body, for pages as a page. */
public class Unauthenticated extends RuntimeException {
    public Unauthenticated(String message) { super(message, null, false, false); }
}
