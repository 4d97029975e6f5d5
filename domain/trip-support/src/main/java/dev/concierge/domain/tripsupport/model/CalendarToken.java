package dev.concierge.domain.tripsupport.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a calendar subscription URL: 256 random bits, URL-safe. Only its SHA-256 is stored, so the URL is shown
 * once, when made; a lost URL is replaced by a new one.
 */
public record CalendarToken(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public CalendarToken {
        if (value == null || !value.matches("[A-Za-z0-9_-]{43}")) throw new CalendarSubscriptionNotFound();
    }

    public static CalendarToken generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new CalendarToken(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** A malformed token finds nothing, like an unknown one: the answer says nothing about tokens. */
    public static CalendarToken parse(String text) { return new CalendarToken(text); }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override public String toString() { return "CalendarToken[***]"; }
}
